package fr.saisine.platform.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Every service's error page answers programs with problem details (see {@link ProblemErrorController}),
 * and so does a body Tomcat cannot parse ({@link UnreadableParametersFilter}).
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication
@EnableConfigurationProperties(WebProperties.class)
public class PlatformWebConfiguration {

    @Bean
    ProblemErrorController problemErrorController(ErrorAttributes attributes, WebProperties web,
            ObjectProvider<ErrorViewResolver> resolvers) {
        return new ProblemErrorController(attributes, web.getError(), resolvers.orderedStream().toList());
    }

    /** Just inside the request id's filter, so that the refusal carries the id it is logged under. */
    @Bean
    FilterRegistrationBean<UnreadableParametersFilter> unreadableParametersFilter() {
        FilterRegistrationBean<UnreadableParametersFilter> registration =
                new FilterRegistrationBean<>(new UnreadableParametersFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
