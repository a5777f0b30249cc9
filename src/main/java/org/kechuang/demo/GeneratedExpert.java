package org.kechuang.demo;

import java.util.List;
import org.kechuang.shared.PublicationStatus;

/**
 * A generated expert (专家) as plain data, for the expert library to store.
 *
 * @param sourceId {@code demo-expert-00001}…
 * @param affiliationKind {@code UNIVERSITY}, {@code INSTITUTE} or {@code ENTERPRISE}
 * @param title the professional title (职称), e.g. 教授, 高级工程师
 * @param position the post held, e.g. 研发中心主任; may be {@code null}
 * @param disciplines NSFC application codes such as {@code E05}
 * @param researchFields research directions (研究方向)
 * @param chainNodeCodes the chain nodes the expert works on, the first one the main
 * @param societyCodes codes of the demo stations that are national societies (cmes, ccs, caass) the expert belongs to
 * @param availability {@code AVAILABLE}, {@code LIMITED} or {@code UNAVAILABLE}
 * @param email a reserved {@code .example} address: the contact that only entitled users may see
 * @param returnReason the curator's reason of a returned profile, {@code null} otherwise
 * @param consent what the expert agreed in writing that the station may show: {@code PROFILE}, {@code CONTACT} (the
 *     e-mail too, to technology managers) or {@code null} for no consent recorded
 */
public record GeneratedExpert(
        String sourceId,
        String stationCode,
        String name,
        String affiliation,
        String affiliationKind,
        String title,
        String position,
        List<String> disciplines,
        List<String> researchFields,
        List<String> keywords,
        List<String> chainNodeCodes,
        String industryCode,
        String regionCode,
        List<String> societyCodes,
        boolean youngTalent,
        boolean overseas,
        String availability,
        String introduction,
        String email,
        PublicationStatus status,
        int ageHours,
        String returnReason,
        String consent) {

    public GeneratedExpert {
        disciplines = List.copyOf(disciplines);
        researchFields = List.copyOf(researchFields);
        keywords = List.copyOf(keywords);
        chainNodeCodes = List.copyOf(chainNodeCodes);
        societyCodes = List.copyOf(societyCodes);
    }
}
