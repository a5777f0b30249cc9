-- Matching (匹配): what the demand's side said of a proposed pair, and the province borders that the region reason
-- uses.

-- accept / decline of a proposed pair by the demand's owner or a technology manager; the latest decision counts
create table match_feedback (
    id          bigint generated always as identity primary key,
    demand_id   bigint      not null,
    target_type text        not null check (target_type in ('achievement', 'expert', 'organization')),
    target_id   bigint      not null,
    verdict     text        not null check (verdict in ('ACCEPTED', 'DECLINED')),
    reason      text check (reason in ('NOT_RELEVANT', 'TOO_EARLY', 'BENEFIT_UNCLEAR', 'ALREADY_KNOWN', 'OTHER')),
    note        text check (length(note) <= 500),
    decided_by  bigint      not null,
    decided_at  timestamptz not null,
    constraint match_feedback_pair unique (demand_id, target_type, target_id),
    constraint match_feedback_reason check ((verdict = 'DECLINED') = (reason is not null))
);
create index match_feedback_target_idx on match_feedback (target_type, target_id);

-- provinces (GB/T 2260 two-digit prefixes) that share a land border, each pair once with the smaller code first;
-- compiled from the administrative map for this table (Hainan, Taiwan: no land border with another province)
create table matching_province_border (
    province_a char(2) not null,
    province_b char(2) not null,
    primary key (province_a, province_b),
    check (province_a < province_b)
);
insert into matching_province_border (province_a, province_b)
select least(a, b), greatest(a, b)
from (values ('11', '12'), ('11', '13'), ('12', '13'), ('13', '14'), ('13', '15'), ('13', '21'), ('13', '37'),
             ('13', '41'), ('14', '15'), ('14', '41'), ('14', '61'), ('15', '21'), ('15', '22'), ('15', '23'),
             ('15', '61'), ('15', '62'), ('15', '64'), ('21', '22'), ('22', '23'), ('31', '32'), ('31', '33'),
             ('32', '33'), ('32', '34'), ('32', '37'), ('33', '34'), ('33', '35'), ('33', '36'), ('34', '36'),
             ('34', '37'), ('34', '41'), ('34', '42'), ('35', '36'), ('35', '44'), ('36', '42'), ('36', '43'),
             ('36', '44'), ('37', '41'), ('41', '42'), ('41', '61'), ('42', '43'), ('42', '50'), ('42', '61'),
             ('43', '44'), ('43', '45'), ('43', '50'), ('43', '52'), ('44', '45'), ('44', '81'), ('44', '82'),
             ('45', '52'), ('45', '53'), ('50', '51'), ('50', '52'), ('50', '61'), ('51', '52'), ('51', '53'),
             ('51', '54'), ('51', '61'), ('51', '62'), ('51', '63'), ('52', '53'), ('53', '54'), ('54', '63'),
             ('54', '65'), ('61', '62'), ('61', '64'), ('62', '63'), ('62', '64'), ('62', '65'), ('63', '65'))
         as border(a, b);
