/**
 * Bulk import (批量导入): stations connect their resources by uploading CSV (UTF-8 or GBK), Excel or JSON Lines files,
 * checked row by row, applied in resumable chunks and idempotent by (station, source id). The pipeline knows no
 * library: each record type contributes an {@link org.kechuang.imports.ImportTarget}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Bulk import",
        allowedDependencies = {"platform", "identity", "shared"})
package org.kechuang.imports;
