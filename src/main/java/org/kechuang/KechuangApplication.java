package org.kechuang;

import org.kechuang.imports.ImportCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class KechuangApplication {

    public static void main(String[] args) {
        if (ImportCommand.requested(args)) {
            System.exit(ImportCommand.run(KechuangApplication.class, args));
        }
        SpringApplication.run(KechuangApplication.class, args);
    }
}
