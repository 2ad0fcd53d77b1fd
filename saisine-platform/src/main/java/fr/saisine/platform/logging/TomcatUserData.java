package fr.saisine.platform.logging;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Tomcat logs what a client sent when it cannot parse it (the request line, a header, a cookie):
 * a request line to {@code /suivi/{token}} with one bad character put the complainant's token in
 * the log. Tomcat's own switch for these "user data" lines, {@code
 * org.apache.juli.logging.UserDataHelper.CONFIG}, is set to {@code NONE} before the server starts;
 * the client still gets its 400. A {@code -D} on the command line wins.
 */
public final class TomcatUserData implements EnvironmentPostProcessor {

    static final String PROPERTY = "org.apache.juli.logging.UserDataHelper.CONFIG";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "NONE");
        }
    }
}
