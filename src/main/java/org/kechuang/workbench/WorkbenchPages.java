package org.kechuang.workbench;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.kechuang.identity.CurrentUser;
import org.kechuang.platform.web.WorkbenchPanel;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The page {@code /workbench} (signed-in users only: no module opens it to visitors): the panels that apply to the
 * user, in the panels' order.
 */
@Controller
class WorkbenchPages {

    static final String PATH = "/workbench";
    static final int NAVIGATION_ORDER = 100;

    private final List<WorkbenchPanel<CurrentUser>> panels;

    WorkbenchPages(List<WorkbenchPanel<CurrentUser>> panels) {
        this.panels = panels.stream()
                .sorted(Comparator.<WorkbenchPanel<CurrentUser>>comparingInt(WorkbenchPanel::order)
                        .thenComparing(WorkbenchPanel::messageKey))
                .toList();
    }

    /**
     * A panel as the page shows it.
     *
     * @param id the section's element id, from the heading's key ({@code demand.workbench.heading} →
     *     {@code panel-demand})
     */
    record Shown(String id, String messageKey, WorkbenchPanel.Content content) {}

    @GetMapping(PATH)
    String page(@AuthenticationPrincipal CurrentUser user, Locale locale, Model model) {
        model.addAttribute(
                "panels",
                panels.stream()
                        .flatMap(panel -> panel
                                .render(user, locale)
                                .map(content -> new Shown(id(panel), panel.messageKey(), content))
                                .stream())
                        .toList());
        return "workbench/page";
    }

    private static String id(WorkbenchPanel<CurrentUser> panel) {
        return "panel-" + panel.messageKey().substring(0, panel.messageKey().indexOf('.'));
    }
}
