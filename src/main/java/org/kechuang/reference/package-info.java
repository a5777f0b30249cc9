/**
 * Reference data every record is tagged with: regions (GB/T 2260), industries (GB/T 4754-2017), disciplines,
 * strategic emerging industries and industry chains, with an importer for full code lists.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Reference data",
        allowedDependencies = {"platform"})
package org.kechuang.reference;
