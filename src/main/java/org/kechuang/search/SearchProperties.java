package org.kechuang.search;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param directory the folder of the embedded index
 * @param rebuildAtStartup rebuild a missing or unreadable index from the libraries when the application is ready
 * @param pageSize records read from a library and indexed at once during a rebuild
 */
@ConfigurationProperties("kechuang.search")
record SearchProperties(
        @DefaultValue("data/search") Path directory,
        @DefaultValue("true") boolean rebuildAtStartup,
        @DefaultValue("500") int pageSize) {}
