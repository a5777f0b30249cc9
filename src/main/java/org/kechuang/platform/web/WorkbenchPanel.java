package org.kechuang.platform.web;

import java.util.Locale;
import java.util.Optional;

/**
 * A panel on the member's workbench (工作台), contributed as a bean by the module that owns what it shows, so the
 * workbench shows exactly what exists without knowing the modules. The platform knows no accounts: {@code U} is the
 * signed-in user as the application knows it (identity's {@code CurrentUser}).
 *
 * @param <U> the signed-in user
 */
public interface WorkbenchPanel<U> {

    /** Position on the workbench, top to bottom. */
    int order();

    /** Message-bundle key of the panel's heading. */
    String messageKey();

    /**
     * The panel's content for the user, or empty when the panel does not apply to them (an expert's profile panel for
     * an account that holds none).
     */
    Optional<Content> render(U user, Locale locale);

    /**
     * What the workbench renders: the fragment {@code panel(data)} of the Thymeleaf template {@code template}.
     *
     * @param template the module's template, e.g. {@code demand/workbench}
     * @param data the fragment's one parameter
     */
    record Content(String template, Object data) {}
}
