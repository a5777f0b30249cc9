package org.kechuang.brokerage;

import jakarta.servlet.http.HttpServletResponse;
import org.kechuang.platform.web.DomainException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refusal with no form to show it in (an engagement the reader may not see, a move they may not make) becomes the
 * portal's error page with its status; an engagement one may not see is not found, like one that does not exist.
 */
@ControllerAdvice(assignableTypes = EngagementPages.class)
class EngagementPageProblems {

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
