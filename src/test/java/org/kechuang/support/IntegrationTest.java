package org.kechuang.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application over real HTTP on a random port, on its own embedded PostgreSQL cluster, with the demo data
 * seeded. Every test class carrying exactly this annotation shares one application context (and one database), so
 * tests must not assume an empty database: they create what they need with unique names.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
public @interface IntegrationTest {}
