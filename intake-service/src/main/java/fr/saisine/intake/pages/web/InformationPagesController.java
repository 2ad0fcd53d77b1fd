package fr.saisine.intake.pages.web;

import java.time.LocalDate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The two pages every public page's footer links to: the information notice on the processing of
 * the complainants' data (GDPR art. 13), whose short version stands by the form's submit button, and
 * the accessibility declaration (loi n° 2005-102 art. 47, RGAA). Neither holds anyone's data.
 */
@Controller
class InformationPagesController {

    private final PersonalDataNotice notice;
    private final AuthorityProperties authority;
    private final LocalDate declaredOn;

    InformationPagesController(PersonalDataNotice notice, AuthorityProperties authority,
            @Value("${saisine.accessibility.declared-on}") LocalDate declaredOn) {
        this.notice = notice;
        this.authority = authority;
        this.declaredOn = declaredOn;
    }

    @GetMapping("/donnees-personnelles")
    String personalData(Model model) {
        model.addAttribute("privacy", notice.facts(LocaleContextHolder.getLocale()));
        return "personal-data";
    }

    @GetMapping("/accessibilite")
    String accessibility(Model model) {
        model.addAttribute("authority", authority);
        model.addAttribute("declaredOn", declaredOn);
        return "accessibility";
    }
}
