package org.kechuang.demand;

import jakarta.servlet.http.HttpServletResponse;
import org.kechuang.platform.web.DomainException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refusal on a page that has no form to show it in (a hidden demand, one that is not yours) becomes the portal's
 * error page with the right status instead of a server error.
 */
@ControllerAdvice(assignableTypes = {DemandPages.class, DemandGuide.class})
class DemandPageProblems {

    @ExceptionHandler(DomainException.class)
    ModelAndView refused(DomainException refused, HttpServletResponse response) {
        response.setStatus(refused.status().value());
        ModelAndView page = new ModelAndView("error");
        page.addObject("status", refused.status().value());
        page.addObject("error", refused.status().getReasonPhrase());
        page.setStatus(refused.status());
        return page;
    }
}
