package org.kechuang.portal;

import java.util.Comparator;
import java.util.List;
import org.kechuang.platform.web.HomeFigure;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final List<HomeFigure> figures;

    HomeController(List<HomeFigure> figures) {
        this.figures = figures.stream()
                .sorted(Comparator.comparingInt(HomeFigure::order))
                .toList();
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute(
                "figures",
                figures.stream()
                        .map(f -> new Figure(f.messageKey(), f.count(), f.link()))
                        .toList());
        return "home";
    }

    record Figure(String messageKey, long count, String link) {}
}
