package org.kechuang.brokerage;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The name an attachment is offered under: the uploader's file name without any directory, control characters or
 * characters that mean something to a shell, a file system or HTML ({@code < > : " / \ | ? * & ;}), blanks collapsed,
 * no leading dots, at most {@link #MAX} characters with the extension kept. The file on disk never bears it.
 */
final class AttachmentNames {

    static final int MAX = 200;
    private static final Pattern UNSAFE = Pattern.compile("[\\p{Cntrl}<>:\"|?*&;`$%{}\\[\\]]");
    private static final Pattern BLANKS = Pattern.compile("[\\s\\u3000]+");

    private AttachmentNames() {}

    static String sanitise(String original, AttachmentType type) {
        String name = original == null ? "" : Normalizer.normalize(original, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = UNSAFE.matcher(name).replaceAll("");
        name = BLANKS.matcher(name).replaceAll(" ").strip();
        int dot = name.lastIndexOf('.');
        String base = (dot < 0 ? name : name.substring(0, dot))
                .replaceFirst("^\\.+", "")
                .strip();
        String extension = dot < 0 ? type.extension() : name.substring(dot + 1);
        if (base.isEmpty()) {
            base = "attachment";
        }
        int room = MAX - extension.length() - 1;
        if (base.codePointCount(0, base.length()) > room) {
            base = base.substring(0, base.offsetByCodePoints(0, room)).strip();
        }
        return base + "." + extension;
    }
}
