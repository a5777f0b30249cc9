package org.kechuang.platform.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every module keeps its texts in its own bundle, {@code messages/<module>.properties} (Chinese, the base) beside
 * {@code messages/<module>_en.properties}. The bundles are found on the class path, so a module adds its texts without
 * touching a shared list.
 */
@Configuration(proxyBeanMethods = false)
class MessageBundles {

    private static final Pattern LOCALE_VARIANT = Pattern.compile(".+_[a-z]{2}(_[A-Z]{2})?\\.properties");

    @Bean
    MessageSource messageSource() throws IOException {
        Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:messages/*.properties");
        String[] basenames = Arrays.stream(found)
                .map(Resource::getFilename)
                .filter(Objects::nonNull)
                .filter(name -> !LOCALE_VARIANT.matcher(name).matches())
                .map(name -> "classpath:messages/" + name.substring(0, name.length() - ".properties".length()))
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new))
                .toArray(String[]::new);
        ReloadableResourceBundleMessageSource messages = new ReloadableResourceBundleMessageSource();
        messages.setBasenames(basenames);
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setCacheSeconds(-1);
        return messages;
    }
}
