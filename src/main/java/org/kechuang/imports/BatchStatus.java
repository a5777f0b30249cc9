package org.kechuang.imports;

/** Where a batch stands: staged and waiting, being applied, done (possibly with refused rows), or given up. */
enum BatchStatus {
    QUEUED,
    RUNNING,
    COMPLETED,
    FAILED;

    public boolean finished() {
        return this == COMPLETED || this == FAILED;
    }
}
