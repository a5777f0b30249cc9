package org.kechuang;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class KechuangApplication {

    public static void main(String[] args) {
        SpringApplication.run(KechuangApplication.class, args);
    }
}
