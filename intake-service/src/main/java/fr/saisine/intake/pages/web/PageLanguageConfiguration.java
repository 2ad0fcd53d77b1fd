package fr.saisine.intake.pages.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The language of the public pages: French unless the complainant chose English with the switch on
 * every page ({@code ?lang=en}), remembered in a cookie. Not the browser's Accept-Language: a French
 * public service answers in French first, and the API's messages stay French for its clients.
 */
@Configuration(proxyBeanMethods = false)
class PageLanguageConfiguration implements WebMvcConfigurer {

    static final List<Locale> LANGUAGES = List.of(Locale.FRENCH, Locale.ENGLISH);

    /** How long the choice of language is remembered (the information notice states it). */
    static final Duration COOKIE_AGE = Duration.ofDays(365);

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new SupportedLanguages("saisine-lang");
        resolver.setDefaultLocale(Locale.FRENCH);
        resolver.setCookieMaxAge(COOKIE_AGE);
        resolver.setCookieHttpOnly(true);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }

    /** Only the languages the pages are written in; any other asked for is French, so that {@code <html lang>} never lies. */
    static final class SupportedLanguages extends CookieLocaleResolver {

        SupportedLanguages(String cookieName) {
            super(cookieName);
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            super.setLocale(request, response, supported(locale));
        }

        /** A cookie from elsewhere, or from an older version, holding another language. */
        @Override
        protected Locale parseLocaleValue(String value) {
            return supported(super.parseLocaleValue(value));
        }

        private static Locale supported(Locale locale) {
            return locale == null ? Locale.FRENCH : LANGUAGES.stream()
                    .filter(language -> language.getLanguage().equals(locale.getLanguage()))
                    .findFirst().orElse(Locale.FRENCH);
        }
    }
}
