package org.kechuang.brokerage;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of file an engagement's messages may carry, each with the extensions it goes by and its media type. */
enum AttachmentType {
    PDF("application/pdf", "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
    PNG("image/png", "png"),
    JPG("image/jpeg", "jpg", "jpeg"),
    TXT("text/plain", "txt"),
    ZIP("application/zip", "zip");

    final String mediaType;
    private final String[] extensions;

    AttachmentType(String mediaType, String... extensions) {
        this.mediaType = mediaType;
        this.extensions = extensions;
    }

    /** The type a file name claims by its extension, if it is one of ours. */
    static Optional<AttachmentType> byName(String fileName) {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(type -> Arrays.asList(type.extensions).contains(extension))
                .findFirst();
    }

    String extension() {
        return extensions[0];
    }
}
