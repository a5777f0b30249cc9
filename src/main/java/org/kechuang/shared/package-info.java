/**
 * The small shared kernel of the resource libraries: where a record came from (provenance) and the publication
 * lifecycle every library record goes through. Value types only; no beans, no tables.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Shared kernel",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.kechuang.shared;
