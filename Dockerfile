# One image per service: docker build --build-arg SERVICE=intake-service .
# (docker-compose.yml builds the three.)
FROM eclipse-temurin:25-jdk AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -q -DskipTests -pl ${SERVICE} -am package

FROM eclipse-temurin:25-jre
ARG SERVICE
# curl: the compose healthchecks ask the service's readiness endpoint
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 saisine
COPY --from=build /src/${SERVICE}/target/${SERVICE}.jar /app/service.jar
USER saisine
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/service.jar"]
