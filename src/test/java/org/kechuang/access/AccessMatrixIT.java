package org.kechuang.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.kechuang.identity.Accounts;
import org.kechuang.identity.StationAdministration;
import org.kechuang.moderation.ContentScreen;
import org.kechuang.moderation.ModerationQueue;
import org.kechuang.organization.OrganizationDraft;
import org.kechuang.organization.Organizations;
import org.kechuang.organization.Stations;
import org.kechuang.reference.Industries;
import org.kechuang.reference.Industry;
import org.kechuang.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every API endpoint × every role × own/other station → the expected status. The list of endpoints comes from Spring
 * MVC's own handler mappings: an endpoint added without a row in {@link #rules()} fails
 * {@link #everyApiEndpointHasAnAccessRule()}.
 *
 * <p>Callers are the demo accounts with bearer tokens; {@code station-admin} administers the demo station {@code cmes}
 * and is tried once against that station ("own") and once against {@code zju} ("other"). Requests that pass the rules
 * carry valid data, so an allowed call answers 200/201/204, not a validation error.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

    enum Caller {
        VISITOR(null),
        ENTERPRISE("enterprise"),
        EXPERT("expert"),
        MANAGER("manager"),
        REVIEWER("reviewer"),
        STATION_ADMIN_OWN("station-admin"),
        STATION_ADMIN_OTHER("station-admin"),
        OPERATOR("operator");

        final String username;

        Caller(String username) {
            this.username = username;
        }
    }

    record Endpoint(String method, String pattern) implements Comparable<Endpoint> {
        @Override
        public int compareTo(Endpoint other) {
            return toString().compareTo(other.toString());
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    /** A request as a caller makes it: the path (with query) and an optional body. */
    record Call(String path, String contentType, byte[] body) {
        static Call get(String path) {
            return new Call(path, null, null);
        }

        static Call json(String path, String json) {
            return new Call(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        static Call upload(String path, String fileName, String content) {
            String boundary = "matrix" + UUID.randomUUID().toString().replace("-", "");
            String body = "--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                    + "Content-Type: text/plain\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
            return new Call(path, "multipart/form-data; boundary=" + boundary, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    record Rule(Function<Caller, Call> call, Map<Caller, Integer> expected) {}

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final String PASSWORD = "kechuang-demo";

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    Organizations organizations;

    @Autowired
    Stations stations;

    @Autowired
    Accounts accounts;

    @Autowired
    StationAdministration stationAdministration;

    @Autowired
    Industries industries;

    @Autowired
    ContentScreen contentScreen;

    @Autowired
    ModerationQueue moderationQueue;

    @Autowired
    java.util.List<org.kechuang.imports.ImportTarget> importTargets;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    org.kechuang.inbox.Inbox inbox;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<Caller, String> tokens = new EnumMap<>(Caller.class);
    private long ownStation;
    private long otherStation;
    private long ownOrganization;
    private long otherOrganization;
    private long appointee;
    private long statusStation;

    @BeforeAll
    void signInEveryCaller() throws Exception {
        for (Caller caller : Caller.values()) {
            if (caller.username != null) {
                tokens.put(caller, createToken(caller.username));
            }
        }
        ownStation = stations.findByCode("cmes").orElseThrow().id();
        otherStation = stations.findByCode("zju").orElseThrow().id();
        ownOrganization = organizations
                .registerForPlatform(draft("矩阵-本站机构-" + unique()), ownStation)
                .id();
        otherOrganization = organizations
                .registerForPlatform(draft("矩阵-他站机构-" + unique()), otherStation)
                .id();
        long statusOrganization = organizations
                .registerForPlatform(draft("矩阵-状态站点-" + unique()), null)
                .id();
        statusStation = stations.openForPlatform(statusOrganization, "m" + unique().substring(0, 10), "矩阵状态站点")
                .id();
        appointee = accounts.ensure("matrix-appointee", "matrix-appointee@example.com", PASSWORD, "矩阵受任者", Set.of())
                .id();
    }

    private Map<Endpoint, Rule> rules() {
        Map<Endpoint, Rule> rules = new LinkedHashMap<>();
        // identity
        rules.put(
                endpoint("POST /api/v1/auth/tokens"),
                new Rule(
                        caller -> Call.json(
                                "/api/v1/auth/tokens",
                                "{\"username\":\"" + (caller.username == null ? "matrix-nobody" : caller.username)
                                        + "\",\"password\":\"" + (caller.username == null ? "wrong-password" : PASSWORD)
                                        + "\"}"),
                        signedIn(201)));
        rules.put(
                endpoint("GET /api/v1/auth/tokens"),
                new Rule(caller -> Call.get("/api/v1/auth/tokens"), signedIn(200)));
        rules.put(
                endpoint("DELETE /api/v1/auth/tokens/{id}"),
                new Rule(
                        caller -> new Call("/api/v1/auth/tokens/" + throwawayTokenId(caller), null, null),
                        signedIn(204)));
        rules.put(endpoint("GET /api/v1/me"), new Rule(caller -> Call.get("/api/v1/me"), signedIn(200)));
        // reference data: open to everyone
        rules.put(endpoint("GET /api/v1/reference/regions"), open("/api/v1/reference/regions?parent=330000"));
        rules.put(endpoint("GET /api/v1/reference/regions/{code}"), open("/api/v1/reference/regions/330100"));
        rules.put(endpoint("GET /api/v1/reference/industries"), open("/api/v1/reference/industries?parent=C"));
        rules.put(endpoint("GET /api/v1/reference/industries/{code}"), open("/api/v1/reference/industries/C"));
        rules.put(endpoint("GET /api/v1/reference/disciplines"), open("/api/v1/reference/disciplines"));
        rules.put(endpoint("GET /api/v1/reference/disciplines/{code}"), open("/api/v1/reference/disciplines/A"));
        rules.put(
                endpoint("GET /api/v1/reference/strategic-industries"), open("/api/v1/reference/strategic-industries"));
        rules.put(endpoint("GET /api/v1/reference/chains"), open("/api/v1/reference/chains"));
        rules.put(endpoint("GET /api/v1/reference/chains/{code}"), open("/api/v1/reference/chains/IC"));
        rules.put(
                endpoint("POST /api/v1/reference/taxonomies/industries/imports"),
                new Rule(
                        caller -> Call.upload(
                                "/api/v1/reference/taxonomies/industries/imports",
                                "industries.csv",
                                storedSectionAsCsv()),
                        operatorOnly(200)));
        rules.put(
                endpoint("POST /api/v1/reference/taxonomies/disciplines/imports"),
                new Rule(
                        caller -> Call.upload(
                                "/api/v1/reference/taxonomies/disciplines/imports",
                                "disciplines.jsonl",
                                "{\"_id\": \"A\", \"name\": \"数理科学部\", \"name_en\": \"Mathematical and Physical Sciences\", \"parents\": [], \"children\": []}\n"),
                        operatorOnly(200)));
        // organizations
        rules.put(endpoint("GET /api/v1/organizations"), open("/api/v1/organizations?type=NATIONAL_SOCIETY"));
        rules.put(
                endpoint("GET /api/v1/organizations/{id}"),
                new Rule(c -> Call.get("/api/v1/organizations/" + ownOrganization), everyone(200)));
        rules.put(
                endpoint("POST /api/v1/organizations"),
                new Rule(
                        caller -> Call.json(
                                "/api/v1/organizations?station=" + station(caller),
                                "{\"name\":\"矩阵-新建-" + unique()
                                        + "\",\"type\":\"ENTERPRISE\",\"sme\":true,\"regionCode\":\"330100\"}"),
                        stationScoped(201)));
        rules.put(
                endpoint("PUT /api/v1/organizations/{id}"),
                new Rule(
                        caller -> Call.json(
                                "/api/v1/organizations/"
                                        + (caller == Caller.STATION_ADMIN_OTHER ? otherOrganization : ownOrganization),
                                "{\"name\":\""
                                        + organizations
                                                .find(
                                                        caller == Caller.STATION_ADMIN_OTHER
                                                                ? otherOrganization
                                                                : ownOrganization)
                                                .orElseThrow()
                                                .name()
                                        + "\",\"type\":\"ENTERPRISE\",\"regionCode\":\"330100\",\"description\":\"修订 "
                                        + unique() + "\"}"),
                        stationScoped(200)));
        rules.put(
                endpoint("POST /api/v1/organizations/imports"),
                new Rule(
                        caller -> Call.upload(
                                "/api/v1/organizations/imports?type=ENTERPRISE&station=" + station(caller),
                                "orgs.csv",
                                "名称,地区代码\n矩阵-导入-" + unique() + ",330100\n"),
                        stationScoped(200)));
        // stations
        rules.put(endpoint("GET /api/v1/stations"), open("/api/v1/stations"));
        rules.put(
                endpoint("GET /api/v1/stations/{id}"),
                new Rule(c -> Call.get("/api/v1/stations/" + ownStation), everyone(200)));
        rules.put(
                endpoint("POST /api/v1/stations"),
                new Rule(
                        caller -> Call.json(
                                "/api/v1/stations",
                                "{\"organizationId\":"
                                        + organizations
                                                .registerForPlatform(draft("矩阵-开站-" + unique()), null)
                                                .id() + ",\"code\":\"m" + unique().substring(0, 10)
                                        + "\",\"name\":\"矩阵站点\"}"),
                        operatorOnly(201)));
        rules.put(
                endpoint("PUT /api/v1/stations/{id}/status"),
                new Rule(
                        caller -> Call.json(
                                "/api/v1/stations/" + statusStation + "/status", "{\"status\":\"SUSPENDED\"}"),
                        operatorOnly(200)));
        rules.put(
                endpoint("PUT /api/v1/stations/{id}/admins/{username}"),
                new Rule(
                        caller -> new Call(
                                "/api/v1/stations/" + station(caller) + "/admins/matrix-appointee", null, null),
                        operatorOnly(200)));
        rules.put(
                endpoint("DELETE /api/v1/stations/{id}/admins/{userId}"),
                new Rule(
                        caller -> {
                            stationAdministration.appoint(station(caller), "matrix-appointee");
                            return new Call("/api/v1/stations/" + station(caller) + "/admins/" + appointee, null, null);
                        },
                        operatorOnly(204)));
        // demands and achievements: records entered by the operator into the caller's station ("own" or "other");
        // a published one for reading, editing and curating, a draft (hidden from other members) for submitting
        java.util.function.BiFunction<String, Long, String> recordOf = (library, station) -> {
            String text = "demands".equals(library) ? "\"background\":\"矩阵测试背景\"" : "\"description\":\"矩阵测试摘要\"";
            try {
                HttpResponse<String> created = send(
                        "POST",
                        Call.json(
                                "/api/v1/" + library,
                                "{\"title\":\"矩阵-" + library + "-" + unique() + "\"," + text + ",\"stationId\":"
                                        + station + "}"),
                        tokens.get(Caller.OPERATOR));
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                Matcher id = ID.matcher(created.body());
                assertThat(id.find()).isTrue();
                return id.group(1) + "|" + text;
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        java.util.function.BiFunction<String, Long, String[]> publishedOf = (library, station) -> {
            String[] draft = recordOf.apply(library, station).split("\\|", 2);
            try {
                HttpResponse<String> published = send(
                        "POST",
                        Call.json("/api/v1/" + library + "/" + draft[0] + "/submit", "{}"),
                        tokens.get(Caller.OPERATOR));
                assertThat(published.body()).contains("\"status\":\"PUBLISHED\"");
                Matcher version = Pattern.compile("\"version\"\\s*:\\s*(\\d+)").matcher(published.body());
                assertThat(version.find()).isTrue();
                return new String[] {draft[0], version.group(1), draft[1]};
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        for (String library : List.of("demands", "achievements")) {
            String text = "demands".equals(library) ? "\"background\":\"矩阵测试背景\"" : "\"description\":\"矩阵测试摘要\"";
            Map<Caller, Integer> posting = stationScoped(201);
            posting.put(Caller.MANAGER, 201);
            posting.put("demands".equals(library) ? Caller.ENTERPRISE : Caller.EXPERT, 201);
            Map<Caller, Integer> submitting = everyone(404);
            submitting.put(Caller.VISITOR, 401);
            submitting.put(Caller.STATION_ADMIN_OWN, 200);
            submitting.put(Caller.OPERATOR, 200);
            rules.put(endpoint("GET /api/v1/" + library), open("/api/v1/" + library + "?region=330000&page=0&size=5"));
            rules.put(
                    endpoint("GET /api/v1/" + library + "/{id}"),
                    new Rule(
                            caller -> Call.get(
                                    "/api/v1/" + library + "/" + publishedOf.apply(library, ownStation)[0]),
                            everyone(200)));
            rules.put(
                    endpoint("POST /api/v1/" + library),
                    new Rule(
                            caller -> Call.json(
                                    "/api/v1/" + library,
                                    "{\"title\":\"矩阵-新建-" + unique() + "\"," + text + ",\"stationId\":"
                                            + station(caller) + "}"),
                            posting));
            rules.put(
                    endpoint("PUT /api/v1/" + library + "/{id}"),
                    new Rule(
                            caller -> {
                                String[] record = publishedOf.apply(library, station(caller));
                                return Call.json(
                                        "/api/v1/" + library + "/" + record[0],
                                        "{\"title\":\"矩阵-修订-" + unique() + "\"," + record[2] + ",\"version\":"
                                                + record[1] + "}");
                            },
                            stationScoped(200)));
            rules.put(
                    endpoint("POST /api/v1/" + library + "/{id}/submit"),
                    new Rule(
                            caller -> Call.json(
                                    "/api/v1/" + library + "/"
                                            + recordOf.apply(library, station(caller))
                                                    .split("\\|")[0] + "/submit",
                                    "{}"),
                            submitting));
            rules.put(
                    endpoint("POST /api/v1/" + library + "/{id}/return"),
                    new Rule(
                            caller -> Call.json(
                                    "/api/v1/" + library + "/" + publishedOf.apply(library, station(caller))[0]
                                            + "/return",
                                    "{\"reason\":\"矩阵退回\"}"),
                            stationScoped(200)));
            rules.put(
                    endpoint("POST /api/v1/" + library + "/{id}/archive"),
                    new Rule(
                            caller -> Call.json(
                                    "/api/v1/" + library + "/" + publishedOf.apply(library, station(caller))[0]
                                            + "/archive",
                                    "{}"),
                            stationScoped(200)));
            rules.put(
                    endpoint("GET /api/v1/" + library + "/{id}/history"),
                    new Rule(
                            caller -> Call.get("/api/v1/" + library + "/"
                                    + publishedOf.apply(library, station(caller))[0] + "/history"),
                            stationScoped(200)));
        }
        // talent and caselib (experts, application cases): records entered by the operator into the caller's station
        // ("own" or "other"); a published one for reading, editing and curating, a draft for submitting
        Map<String, String> libraryText = Map.of(
                "experts", "\"name\":\"矩阵专家-%s\",\"affiliation\":\"矩阵测试单位\"",
                "cases", "\"title\":\"矩阵案例-%s\",\"problem\":\"矩阵测试问题\",\"solution\":\"矩阵测试方案\"");
        java.util.function.BiFunction<String, Long, String> draftOf = (library, station) -> {
            try {
                HttpResponse<String> created = send(
                        "POST",
                        Call.json(
                                "/api/v1/" + library,
                                "{" + libraryText.get(library).formatted(unique()) + ",\"stationId\":" + station + "}"),
                        tokens.get(Caller.OPERATOR));
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                Matcher id = ID.matcher(created.body());
                assertThat(id.find()).isTrue();
                return id.group(1);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        java.util.function.BiFunction<String, Long, String[]> publishedIn = (library, station) -> {
            String id = draftOf.apply(library, station);
            try {
                HttpResponse<String> published = send(
                        "POST",
                        Call.json("/api/v1/" + library + "/" + id + "/submit", "{}"),
                        tokens.get(Caller.OPERATOR));
                assertThat(published.body()).contains("\"status\":\"PUBLISHED\"");
                Matcher version = Pattern.compile("\"version\"\\s*:\\s*(\\d+)").matcher(published.body());
                assertThat(version.find()).isTrue();
                return new String[] {id, version.group(1)};
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        for (String library : List.of("experts", "cases")) {
            Map<Caller, Integer> posting = stationScoped(201);
            posting.put(Caller.EXPERT, 201);
            if (library.equals("cases")) {
                posting.put(Caller.ENTERPRISE, 201);
                posting.put(Caller.MANAGER, 201);
            }
            Map<Caller, Integer> submitting = everyone(404);
            submitting.put(Caller.VISITOR, 401);
            submitting.put(Caller.STATION_ADMIN_OWN, 200);
            submitting.put(Caller.OPERATOR, 200);
            rules.put(endpoint("GET /api/v1/" + library), open("/api/v1/" + library + "?region=330000&page=0&size=5"));
            rules.put(
                    endpoint("GET /api/v1/" + library + "/{id}"),
                    new Rule(
                            caller -> Call.get(
                                    "/api/v1/" + library + "/" + publishedIn.apply(library, ownStation)[0]),
                            everyone(200)));
            rules.put(
                    endpoint("POST /api/v1/" + library),
                    new Rule(
                            caller -> Call.json(
                                    "/api/v1/" + library,
                                    "{" + libraryText.get(library).formatted(unique()) + ",\"stationId\":"
                                            + station(caller) + "}"),
                            posting));
            rules.put(
                    endpoint("PUT /api/v1/" + library + "/{id}"),
                    new Rule(
                            caller -> {
                                String[] record = publishedIn.apply(library, station(caller));
                                return Call.json(
                                        "/api/v1/" + library + "/" + record[0],
                                        "{" + libraryText.get(library).formatted("修订-" + unique()) + ",\"version\":"
                                                + record[1] + "}");
                            },
                            stationScoped(200)));
            rules.put(
                    endpoint("POST /api/v1/" + library + "/{id}/submit"),
                    new Rule(
                            caller -> Call.json(
                                    "/api/v1/" + library + "/" + draftOf.apply(library, station(caller)) + "/submit",
                                    "{}"),
                            submitting));
            rules.put(
                    endpoint("POST /api/v1/" + library + "/{id}/return"),
                    new Rule(
                            caller -> Call.json(
                                    "/api/v1/" + library + "/" + publishedIn.apply(library, station(caller))[0]
                                            + "/return",
                                    "{\"reason\":\"矩阵退回\"}"),
                            stationScoped(200)));
            rules.put(
                    endpoint("POST /api/v1/" + library + "/{id}/archive"),
                    new Rule(
                            caller -> Call.json(
                                    "/api/v1/" + library + "/" + publishedIn.apply(library, station(caller))[0]
                                            + "/archive",
                                    "{}"),
                            stationScoped(200)));
            rules.put(
                    endpoint("GET /api/v1/" + library + "/{id}/history"),
                    new Rule(
                            caller -> Call.get("/api/v1/" + library + "/"
                                    + publishedIn.apply(library, station(caller))[0] + "/history"),
                            stationScoped(200)));
        }
        // talent only: claims of unclaimed profiles (by expert accounts) and the consent curators record
        Map<Caller, Integer> claiming = everyone(403);
        claiming.put(Caller.VISITOR, 401);
        claiming.put(Caller.EXPERT, 202);
        rules.put(
                endpoint("POST /api/v1/experts/{id}/claim"),
                new Rule(
                        caller -> Call.json(
                                "/api/v1/experts/" + publishedIn.apply("experts", ownStation)[0] + "/claim", "{}"),
                        claiming));
        java.util.function.Function<Caller, String> pendingClaim = caller -> {
            String expert = publishedIn.apply("experts", station(caller))[0];
            try {
                HttpResponse<String> claimed = send(
                        "POST", Call.json("/api/v1/experts/" + expert + "/claim", "{}"), tokens.get(Caller.EXPERT));
                assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(202);
                Matcher id = ID.matcher(claimed.body());
                assertThat(id.find()).isTrue();
                return "/api/v1/experts/" + expert + "/claims/" + id.group(1);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        rules.put(
                endpoint("GET /api/v1/experts/{id}/claims"),
                new Rule(
                        caller -> Call.get(
                                "/api/v1/experts/" + publishedIn.apply("experts", station(caller))[0] + "/claims"),
                        stationScoped(200)));
        rules.put(
                endpoint("POST /api/v1/experts/{id}/claims/{claimId}/approve"),
                new Rule(caller -> Call.json(pendingClaim.apply(caller) + "/approve", "{}"), stationScoped(200)));
        rules.put(
                endpoint("POST /api/v1/experts/{id}/claims/{claimId}/refuse"),
                new Rule(
                        caller -> Call.json(pendingClaim.apply(caller) + "/refuse", "{\"reason\":\"矩阵拒绝\"}"),
                        stationScoped(200)));
        rules.put(
                endpoint("PUT /api/v1/experts/{id}/consent"),
                new Rule(
                        caller -> Call.json(
                                "/api/v1/experts/" + publishedIn.apply("experts", station(caller))[0] + "/consent",
                                "{\"scope\":\"CONTACT\"}"),
                        stationScoped(200)));
        // imports: station admins in their station and operators upload; the same follow a batch; templates are open
        java.util.function.LongFunction<String> stationCode =
                station -> stations.find(station).orElseThrow().code();
        java.util.function.LongFunction<Long> batchIn = station -> {
            try {
                Call upload = Call.upload(
                        "/api/v1/imports?type=achievement&station=" + stationCode.apply(station),
                        "matrix.csv",
                        "来源编号,成果名称,成果摘要\nmatrix-" + unique() + ",矩阵导入,矩阵摘要\n");
                HttpResponse<String> accepted = send("POST", upload, tokens.get(Caller.OPERATOR));
                assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
                Matcher id = ID.matcher(accepted.body());
                assertThat(id.find()).isTrue();
                return Long.parseLong(id.group(1));
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        rules.put(
                endpoint("POST /api/v1/imports"),
                new Rule(
                        caller -> Call.upload(
                                "/api/v1/imports?type=achievement&station=" + stationCode.apply(station(caller)),
                                "matrix.csv",
                                "来源编号,成果名称,成果摘要\nmatrix-" + unique() + ",矩阵导入,矩阵摘要\n"),
                        stationScoped(202)));
        rules.put(
                endpoint("GET /api/v1/imports/{id}"),
                new Rule(caller -> Call.get("/api/v1/imports/" + batchIn.apply(station(caller))), stationScoped(200)));
        rules.put(
                endpoint("GET /api/v1/achievements/export"),
                new Rule(
                        caller -> Call.get(
                                "/api/v1/achievements/export?format=csv&station=" + stationCode.apply(station(caller))),
                        stationScoped(200)));
        rules.put(
                endpoint("GET /api/v1/demands/export"),
                new Rule(
                        caller -> Call.get(
                                "/api/v1/demands/export?format=xlsx&station=" + stationCode.apply(station(caller))),
                        stationScoped(200)));
        rules.put(
                endpoint("GET /api/v1/imports/templates/{type}.csv"),
                open("/api/v1/imports/templates/achievement.csv"));
        rules.put(endpoint("GET /api/v1/imports/templates/{type}.xlsx"), open("/api/v1/imports/templates/demand.xlsx"));
        // moderation: operators only; each call decides an item held just for it
        rules.put(
                endpoint("GET /api/v1/moderation/items"),
                new Rule(caller -> Call.get("/api/v1/moderation/items?status=pending"), operatorOnly(200)));
        rules.put(
                endpoint("GET /api/v1/moderation/items/{id}"),
                new Rule(caller -> Call.get("/api/v1/moderation/items/" + heldModerationItem()), operatorOnly(200)));
        rules.put(
                endpoint("POST /api/v1/moderation/items/{id}/release"),
                new Rule(
                        caller -> new Call("/api/v1/moderation/items/" + heldModerationItem() + "/release", null, null),
                        operatorOnly(200)));
        rules.put(
                endpoint("POST /api/v1/moderation/items/{id}/reject"),
                new Rule(
                        caller -> Call.json(
                                "/api/v1/moderation/items/" + heldModerationItem() + "/reject",
                                "{\"reason\":\"矩阵测试退回\"}"),
                        operatorOnly(200)));
        // dedup: operators only; each merge or dismissal works on a pair created just for it
        rules.put(
                endpoint("GET /api/v1/duplicates"),
                new Rule(caller -> Call.get("/api/v1/duplicates?library=achievement&size=5"), operatorOnly(200)));
        rules.put(
                endpoint("GET /api/v1/duplicates/provenance"),
                new Rule(
                        caller ->
                                Call.get("/api/v1/duplicates/provenance?library=achievement&id=" + duplicatePair()[0]),
                        operatorOnly(200)));
        rules.put(
                endpoint("POST /api/v1/duplicates/merge"),
                new Rule(
                        caller -> {
                            long[] pair = duplicatePair();
                            return Call.json(
                                    "/api/v1/duplicates/merge",
                                    "{\"library\":\"achievement\",\"keptId\":" + pair[0] + ",\"mergedIds\":[" + pair[1]
                                            + "]}");
                        },
                        operatorOnly(200)));
        rules.put(
                endpoint("POST /api/v1/duplicates/dismiss"),
                new Rule(
                        caller -> {
                            long[] pair = duplicatePair();
                            return Call.json(
                                    "/api/v1/duplicates/dismiss",
                                    "{\"library\":\"achievement\",\"reason\":\"patent\",\"recordIds\":[" + pair[0] + ","
                                            + pair[1] + "]}");
                        },
                        operatorOnly(204)));
        // search: searching is open (each caller finds what they may see); rebuilding the index is for operators
        rules.put(endpoint("GET /api/v1/search"), open("/api/v1/search?q=%E6%9C%BA%E5%99%A8%E4%BA%BA&size=5"));
        rules.put(endpoint("GET /api/v1/search/suggest"), open("/api/v1/search/suggest?q=%E6%9C%BA%E5%99%A8"));
        rules.put(
                endpoint("POST /api/v1/search/reindex"),
                new Rule(caller -> new Call("/api/v1/search/reindex", null, null), operatorOnly(202)));
        rules.put(
                endpoint("GET /api/v1/search/reindex"),
                new Rule(caller -> Call.get("/api/v1/search/reindex"), operatorOnly(200)));
        // inbox + knowledge: each signed-in caller reads and marks their own notices (one delivered just for the call)
        rules.put(endpoint("GET /api/v1/inbox"), new Rule(caller -> Call.get("/api/v1/inbox?size=5"), signedIn(200)));
        rules.put(
                endpoint("POST /api/v1/inbox/{id}/read"),
                new Rule(
                        caller -> new Call("/api/v1/inbox/" + noticeFor(caller) + "/read", null, null), signedIn(204)));
        rules.put(
                endpoint("POST /api/v1/inbox/read-all"),
                new Rule(caller -> new Call("/api/v1/inbox/read-all", null, null), signedIn(204)));
        // inbox: each signed-in caller chooses their own channels per notice kind
        rules.put(
                endpoint("GET /api/v1/inbox/preferences"),
                new Rule(caller -> Call.get("/api/v1/inbox/preferences"), signedIn(200)));
        rules.put(
                endpoint("PUT /api/v1/inbox/preferences"),
                new Rule(
                        caller -> Call.json(
                                "/api/v1/inbox/preferences",
                                "{\"kinds\":[{\"kind\":\"knowledge.saved-search\",\"channels\":[\"INBOX\"]}]}"),
                        signedIn(200)));
        // knowledge: each signed-in caller keeps their own saved searches (one saved just for the call)
        rules.put(
                endpoint("GET /api/v1/saved-searches"),
                new Rule(caller -> Call.get("/api/v1/saved-searches"), signedIn(200)));
        rules.put(
                endpoint("POST /api/v1/saved-searches"),
                new Rule(caller -> Call.json("/api/v1/saved-searches", SAVED_SEARCH), signedIn(201)));
        rules.put(
                endpoint("PUT /api/v1/saved-searches/{id}"),
                new Rule(
                        caller -> Call.json(
                                "/api/v1/saved-searches/" + savedSearchOf(caller),
                                "{\"name\":\"矩阵改名\",\"notifyMe\":true,\"digest\":\"WEEKLY\"}"),
                        signedIn(200)));
        rules.put(
                endpoint("DELETE /api/v1/saved-searches/{id}"),
                new Rule(
                        caller -> new Call("/api/v1/saved-searches/" + savedSearchOf(caller), null, null),
                        signedIn(204)));
        // knowledge: briefs are open to everyone
        rules.put(endpoint("GET /api/v1/briefs/chain/{code}"), open("/api/v1/briefs/chain/IC?period=30"));
        rules.put(endpoint("GET /api/v1/briefs/chain/{code}.csv"), open("/api/v1/briefs/chain/IC.csv?period=30"));
        rules.put(endpoint("GET /api/v1/briefs/region/{code}"), open("/api/v1/briefs/region/330000?period=30"));
        rules.put(endpoint("GET /api/v1/briefs/region/{code}.csv"), open("/api/v1/briefs/region/330000.csv?period=30"));
        // matching: proposals for published records the matching index holds (it follows the libraries after
        // commit, so the call waits until the record's matches answer); accept / decline is for the
        // demand's owner (here the operator, who entered it) and managers
        java.util.function.Function<String, Long> matchable = library -> {
            long id = jdbc.sql("select id from " + library + " where status = 'PUBLISHED'"
                            + ("demand".equals(library) ? " and not confidential" : "") + " order by id limit 1")
                    .query(Long.class)
                    .single();
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofMinutes(2))
                    .until(() -> send(
                                            "GET",
                                            Call.get("/api/v1/" + library + "s/" + id + "/matches"),
                                            tokens.get(Caller.OPERATOR))
                                    .statusCode()
                            == 200);
            return id;
        };
        rules.put(
                endpoint("GET /api/v1/demands/{id}/matches"),
                new Rule(
                        caller -> Call.get(
                                "/api/v1/demands/" + matchable.apply("demand") + "/matches?target=expert&limit=5"),
                        everyone(200)));
        rules.put(
                endpoint("GET /api/v1/achievements/{id}/matches"),
                new Rule(
                        caller -> Call.get("/api/v1/achievements/" + matchable.apply("achievement") + "/matches"),
                        everyone(200)));
        rules.put(
                endpoint("GET /api/v1/experts/{id}/matches"),
                new Rule(
                        caller -> Call.get("/api/v1/experts/" + matchable.apply("expert") + "/matches"),
                        everyone(200)));
        rules.put(
                endpoint("POST /api/v1/matching/preview"),
                new Rule(
                        caller -> Call.json(
                                "/api/v1/matching/preview", "{\"text\":\"储能电池热管理\",\"target\":\"achievement\"}"),
                        signedIn(200)));
        Map<Caller, Integer> deciding = everyone(403);
        deciding.put(Caller.VISITOR, 401);
        deciding.put(Caller.MANAGER, 200);
        deciding.put(Caller.OPERATOR, 200);
        rules.put(
                endpoint("POST /api/v1/demands/{id}/matches/feedback"),
                new Rule(
                        caller -> {
                            String demand = publishedOf.apply("demands", ownStation)[0];
                            org.awaitility.Awaitility.await()
                                    .atMost(java.time.Duration.ofMinutes(2))
                                    .until(() -> send(
                                                            "GET",
                                                            Call.get("/api/v1/demands/" + demand + "/matches"),
                                                            tokens.get(Caller.MANAGER))
                                                    .statusCode()
                                            == 200);
                            return Call.json(
                                    "/api/v1/demands/" + demand + "/matches/feedback",
                                    "{\"targetType\":\"achievement\",\"targetId\":" + matchable.apply("achievement")
                                            + ",\"verdict\":\"DECLINED\",\"reason\":\"ALREADY_KNOWN\"}");
                        },
                        deciding));
        // brokerage: engagements are seen by their parties, the demand's station admins and operators; moved by the
        // manager and operators; rated by a side's own party; handed over by operators
        rules.put(
                endpoint("GET /api/v1/engagements"),
                new Rule(caller -> Call.get("/api/v1/engagements?size=5"), signedIn(200)));
        Map<Caller, Integer> starting = signedIn(403);
        starting.put(Caller.ENTERPRISE, 201);
        starting.put(Caller.MANAGER, 201);
        starting.put(Caller.OPERATOR, 201);
        rules.put(
                endpoint("POST /api/v1/engagements"),
                new Rule(
                        caller -> {
                            String[] pair = engagementPair(station(caller));
                            return Call.json(
                                    "/api/v1/engagements",
                                    "{\"demandId\":" + pair[0] + ",\"counterpartType\":\"achievement\","
                                            + "\"counterpartId\":" + pair[1] + "}");
                        },
                        starting));
        Map<Caller, Integer> seeing = everyone(200);
        seeing.put(Caller.VISITOR, 401);
        seeing.put(Caller.REVIEWER, 404);
        seeing.put(Caller.STATION_ADMIN_OTHER, 404);
        rules.put(
                endpoint("GET /api/v1/engagements/{id}"),
                new Rule(caller -> Call.get("/api/v1/engagements/" + engagementIn(station(caller), false)[0]), seeing));
        Map<Caller, Integer> auditing = new EnumMap<>(seeing);
        auditing.put(Caller.STATION_ADMIN_OWN, 403);
        rules.put(
                endpoint("GET /api/v1/engagements/{id}/audit"),
                new Rule(
                        caller -> Call.get("/api/v1/engagements/" + engagementIn(station(caller), false)[0] + "/audit"),
                        auditing));
        Map<Caller, Integer> moving = new EnumMap<>(seeing);
        for (Caller party : List.of(Caller.ENTERPRISE, Caller.EXPERT, Caller.STATION_ADMIN_OWN)) {
            moving.put(party, 403);
        }
        rules.put(
                endpoint("POST /api/v1/engagements/{id}/transitions"),
                new Rule(
                        caller -> {
                            String[] engagement = engagementIn(station(caller), false);
                            return Call.json(
                                    "/api/v1/engagements/" + engagement[0] + "/transitions",
                                    "{\"to\":\"CONTACTED\",\"version\":" + engagement[1] + "}");
                        },
                        moving));
        Map<Caller, Integer> rating = new EnumMap<>(moving);
        rating.put(Caller.ENTERPRISE, 200);
        rating.put(Caller.MANAGER, 403);
        rating.put(Caller.OPERATOR, 403);
        rules.put(
                endpoint("POST /api/v1/engagements/{id}/ratings"),
                new Rule(
                        caller -> {
                            String[] engagement = engagementIn(station(caller), true);
                            return Call.json(
                                    "/api/v1/engagements/" + engagement[0] + "/ratings",
                                    "{\"side\":\"demand\",\"score\":4,\"version\":" + engagement[1] + "}");
                        },
                        rating));
        Map<Caller, Integer> handing = new EnumMap<>(moving);
        handing.put(Caller.MANAGER, 403);
        rules.put(
                endpoint("POST /api/v1/engagements/{id}/manager"),
                new Rule(
                        caller -> {
                            String[] engagement = engagementIn(station(caller), false);
                            long manager = accounts.findByUsername("manager")
                                    .orElseThrow()
                                    .id();
                            return Call.json(
                                    "/api/v1/engagements/" + engagement[0] + "/manager",
                                    "{\"managerId\":" + manager + ",\"version\":" + engagement[1] + "}");
                        },
                        handing));
        // workbench: each signed-in caller reads the recommendations made for their own records
        rules.put(
                endpoint("GET /api/v1/me/recommendations"),
                new Rule(caller -> Call.get("/api/v1/me/recommendations?limit=3"), signedIn(200)));
        Map<Caller, Integer> managers = signedIn(403);
        managers.put(Caller.MANAGER, 200);
        rules.put(
                endpoint("GET /api/v1/managers/me/coverage"),
                new Rule(caller -> Call.get("/api/v1/managers/me/coverage"), managers));
        rules.put(
                endpoint("PUT /api/v1/managers/me/coverage"),
                new Rule(
                        caller -> Call.json(
                                "/api/v1/managers/me/coverage", "{\"chains\":[],\"provinces\":[\"11\",\"33\",\"32\"]}"),
                        managers));
        Map<Caller, Integer> diagnosing = signedIn(403);
        diagnosing.put(Caller.MANAGER, 200);
        diagnosing.put(Caller.OPERATOR, 200);
        rules.put(endpoint("GET /api/v1/diagnoses"), new Rule(caller -> Call.get("/api/v1/diagnoses"), diagnosing));
        Map<Caller, Integer> asking = signedIn(403);
        asking.put(Caller.ENTERPRISE, 201);
        asking.put(Caller.OPERATOR, 201);
        rules.put(
                endpoint("POST /api/v1/diagnoses"),
                new Rule(caller -> Call.json("/api/v1/diagnoses", "{\"demandId\":" + completeDemand() + "}"), asking));
        rules.put(
                endpoint("POST /api/v1/diagnoses/{demandId}/questions"),
                new Rule(
                        caller -> Call.json(
                                "/api/v1/diagnoses/" + diagnosedDemand() + "/questions",
                                "{\"questions\":\"矩阵提问：预算多少？\"}"),
                        diagnosing));
        rules.put(
                endpoint("POST /api/v1/diagnoses/{demandId}/done"),
                new Rule(
                        caller -> new Call("/api/v1/diagnoses/" + diagnosedDemand() + "/done", null, null),
                        diagnosing));
        // brokerage, working together: an engagement's messages and files are for its parties and operators only; the
        // station admin who follows the engagement is refused, everyone else does not learn it exists
        Map<Caller, Integer> talking = new EnumMap<>(auditing);
        rules.put(
                endpoint("GET /api/v1/engagements/{id}/messages"),
                new Rule(
                        caller -> Call.get(
                                "/api/v1/engagements/" + engagementIn(station(caller), false)[0] + "/messages"),
                        talking));
        Map<Caller, Integer> writing = new EnumMap<>(talking);
        writing.replaceAll((caller, status) -> status == 200 ? 201 : status);
        rules.put(
                endpoint("POST /api/v1/engagements/{id}/messages"),
                new Rule(
                        caller -> Call.json(
                                "/api/v1/engagements/" + engagementIn(station(caller), false)[0] + "/messages",
                                "{\"text\":\"矩阵消息\"}"),
                        writing));
        Map<Caller, Integer> downloading = new EnumMap<>(talking);
        downloading.put(Caller.STATION_ADMIN_OWN, 404);
        rules.put(
                endpoint("GET /api/v1/engagements/{id}/attachments/{attachmentId}"),
                new Rule(caller -> Call.get(attachmentIn(station(caller))), downloading));
        // brokerage outcomes: the funnel for managers (their own), station admins (their stations) and operators; a
        // manager's figures for the manager and operators
        Map<Caller, Integer> funnel = signedIn(403);
        funnel.put(Caller.MANAGER, 200);
        funnel.put(Caller.STATION_ADMIN_OWN, 200);
        funnel.put(Caller.OPERATOR, 200);
        rules.put(
                endpoint("GET /api/v1/engagements/funnel"),
                new Rule(caller -> Call.get("/api/v1/engagements/funnel?station=" + station(caller)), funnel));
        rules.put(
                endpoint("GET /api/v1/engagements/funnel/records"),
                new Rule(
                        caller ->
                                Call.get("/api/v1/engagements/funnel/records?step=matched&station=" + station(caller)),
                        funnel));
        Map<Caller, Integer> figures = signedIn(403);
        figures.put(Caller.MANAGER, 200);
        figures.put(Caller.OPERATOR, 200);
        rules.put(
                endpoint("GET /api/v1/engagements/figures"),
                new Rule(caller -> Call.get("/api/v1/engagements/figures?manager=" + demoManager()), figures));
        // matching: learning the vectors again is for operators (202 whether it started or one was running)
        rules.put(
                endpoint("POST /api/v1/matching/retrain"),
                new Rule(caller -> new Call("/api/v1/matching/retrain", null, null), operatorOnly(202)));
        rules.put(
                endpoint("GET /api/v1/matching/retrain"),
                new Rule(caller -> Call.get("/api/v1/matching/retrain"), operatorOnly(200)));
        return rules;
    }

    /** A demand of the enterprise and an achievement of the expert, both published in the station. */
    private String[] engagementPair(long station) {
        try {
            String demand = createdId(send(
                    "POST",
                    Call.json(
                            "/api/v1/demands",
                            "{\"title\":\"矩阵对接需求 " + unique() + "\",\"background\":\"矩阵对接背景\",\"stationId\":" + station
                                    + "}"),
                    tokens.get(Caller.ENTERPRISE)));
            send("POST", Call.json("/api/v1/demands/" + demand + "/submit", "{}"), tokens.get(Caller.ENTERPRISE));
            String achievement = createdId(send(
                    "POST",
                    Call.json(
                            "/api/v1/achievements",
                            "{\"title\":\"矩阵对接成果 " + unique() + "\",\"description\":\"矩阵对接摘要\",\"stationId\":" + station
                                    + "}"),
                    tokens.get(Caller.EXPERT)));
            send("POST", Call.json("/api/v1/achievements/" + achievement + "/submit", "{}"), tokens.get(Caller.EXPERT));
            return new String[] {demand, achievement};
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * An engagement the manager started between the enterprise's demand and the expert's achievement in the station,
     * moved on to delivery when asked: [id, version].
     */
    private String[] engagementIn(long station, boolean delivering) {
        String[] pair = engagementPair(station);
        try {
            HttpResponse<String> started = send(
                    "POST",
                    Call.json(
                            "/api/v1/engagements",
                            "{\"demandId\":" + pair[0] + ",\"counterpartType\":\"achievement\",\"counterpartId\":"
                                    + pair[1] + "}"),
                    tokens.get(Caller.MANAGER));
            assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
            String id = createdId(started);
            int version = 0;
            if (delivering) {
                String contract = ",\"contract\":{\"type\":\"SERVICE\",\"value\":\"1000\",\"signedOn\":\""
                        + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                                .minusDays(1) + "\"}";
                for (String stage : List.of("CONTACTED", "NEGOTIATING", "CONTRACTED", "DELIVERING")) {
                    HttpResponse<String> moved = send(
                            "POST",
                            Call.json(
                                    "/api/v1/engagements/" + id + "/transitions",
                                    "{\"to\":\"" + stage + "\",\"version\":" + version
                                            + (stage.equals("CONTRACTED") ? contract : "") + "}"),
                            tokens.get(Caller.MANAGER));
                    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
                    version++;
                }
            }
            return new String[] {id, Integer.toString(version)};
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A published demand of the enterprise described well enough (completeness above the threshold) that triage leaves
     * it alone until someone asks.
     */
    private String completeDemand() {
        String body = "{\"title\":\"矩阵诊断需求 " + unique() + "\",\"background\":\"五轴加工中心连续加工四小时后主轴热伸长导致孔距误差超差。\","
                + "\"technicalProblems\":\"建立热误差模型并实时补偿。\",\"targetIndicators\":[{\"name\":\"定位精度\","
                + "\"comparator\":\"<=\",\"value\":\"5\",\"unit\":\"μm\"}],\"industryCode\":\"C\",\"regionCode\":\"330200\","
                + "\"cooperationModes\":[\"JOINT_DEVELOPMENT\"],\"budgetMin\":\"50\",\"budgetMax\":\"200\",\"deadline\":\""
                + java.time.LocalDate.now().plusMonths(6) + "\",\"stationId\":" + ownStation + "}";
        try {
            String demand = createdId(send("POST", Call.json("/api/v1/demands", body), tokens.get(Caller.ENTERPRISE)));
            HttpResponse<String> submitted = send(
                    "POST", Call.json("/api/v1/demands/" + demand + "/submit", "{}"), tokens.get(Caller.ENTERPRISE));
            assertThat(submitted.body()).contains("PUBLISHED");
            return demand;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A demand an operator gave the demo manager to diagnose. */
    private String diagnosedDemand() {
        String demand = completeDemand();
        long manager = accounts.findByUsername("manager").orElseThrow().id();
        try {
            HttpResponse<String> assigned = send(
                    "POST",
                    Call.json("/api/v1/diagnoses", "{\"demandId\":" + demand + ",\"managerId\":" + manager + "}"),
                    tokens.get(Caller.OPERATOR));
            assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(201);
            return demand;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String createdId(HttpResponse<String> created) {
        Matcher id = ID.matcher(created.body());
        assertThat(id.find()).as(created.body()).isTrue();
        return id.group(1);
    }

    private static final String SAVED_SEARCH = "{\"name\":\"矩阵检索\",\"q\":\"机器人\",\"type\":\"demand\"}";

    /** A search the caller saved just now (the operator for a visitor, who is refused before it matters). */
    private long savedSearchOf(Caller caller) {
        String token = tokens.get(caller == Caller.VISITOR ? Caller.OPERATOR : caller);
        HttpResponse<String> saved;
        try {
            saved = send("POST", Call.json("/api/v1/saved-searches", SAVED_SEARCH), token);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Matcher id = ID.matcher(saved.body());
        assertThat(id.find()).as(saved.body()).isTrue();
        return Long.parseLong(id.group(1));
    }

    /** A notice delivered to the caller just now (to the operator for a visitor, who is refused before it matters). */
    private long noticeFor(Caller caller) {
        String username = caller.username == null ? "operator" : caller.username;
        long recipient = accounts.findByUsername(username).orElseThrow().id();
        return inbox.deliver(new org.kechuang.inbox.Notice(
                        recipient,
                        "matrix",
                        "matrix-" + unique(),
                        org.kechuang.inbox.Notice.Message.literal("矩阵通知"),
                        null,
                        null,
                        java.time.Instant.now()))
                .noticeId();
    }

    /** Two achievements of two stations with the same (fresh, valid) patent number: a candidate pair. */
    private long[] duplicatePair() {
        String patent = org.kechuang.support.Patents.freshApplication(2022);
        org.kechuang.imports.ImportTarget achievements = importTargets.stream()
                .filter(target -> target.type().equals("achievement"))
                .findFirst()
                .orElseThrow();
        long[] pair = new long[2];
        long[] stationIds = {ownStation, otherStation};
        for (int i = 0; i < 2; i++) {
            String sourceId = "matrix-dup-" + unique();
            achievements.apply(
                    stationIds[i],
                    new org.kechuang.imports.ImportRow(
                            2, sourceId, Map.of("title", "矩阵重复 " + sourceId, "description", "x", "patents", patent)),
                    1L);
            pair[i] = jdbc.sql("select id from achievement where station_id = ? and source_id = ?")
                    .param(stationIds[i])
                    .param(sourceId)
                    .query(Long.class)
                    .single();
        }
        return pair;
    }

    private long heldModerationItem() {
        long record = Math.abs(UUID.randomUUID().getMostSignificantBits() >>> 1);
        contentScreen.screen("demand", record, ownStation, Map.of("title", "矩阵 百家乐 " + unique()));
        return moderationQueue.pendingFor("demand", record).orElseThrow().itemId();
    }

    @Test
    void everyApiEndpointHasAnAccessRule() {
        assertThat(apiEndpoints())
                .as("API endpoints served by the application (add a rule for each new one)")
                .containsExactlyInAnyOrderElementsOf(rules().keySet());
    }

    @TestFactory
    Stream<DynamicTest> everyCallerGetsTheExpectedAnswerFromEveryEndpoint() {
        List<DynamicTest> tests = new ArrayList<>();
        rules().forEach((endpoint, rule) -> {
            for (Caller caller : Caller.values()) {
                int expected = rule.expected().get(caller);
                tests.add(DynamicTest.dynamicTest(endpoint + " as " + caller + " → " + expected, () -> {
                    Call call = rule.call().apply(caller);
                    HttpResponse<String> response = send(endpoint.method(), call, tokens.get(caller));
                    assertThat(response.statusCode())
                            .as("%s %s as %s answered %s", endpoint.method(), call.path(), caller, response.body())
                            .isEqualTo(expected);
                    if (expected >= 400) {
                        assertThat(response.headers().firstValue("Content-Type"))
                                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                    }
                }));
            }
        });
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> unknownRecordsAnswer404ToEveryone() {
        List<String> unknown = List.of(
                "/api/v1/organizations/987654321",
                "/api/v1/stations/987654321",
                "/api/v1/reference/regions/999999",
                "/api/v1/reference/industries/ZZ",
                "/api/v1/reference/disciplines/ZZ99",
                "/api/v1/reference/chains/NO-SUCH-CHAIN",
                "/api/v1/demands/987654321",
                "/api/v1/achievements/987654321",
                "/api/v1/experts/987654321",
                "/api/v1/cases/987654321");
        return unknown.stream()
                .flatMap(path -> Stream.of(Caller.values())
                        .map(caller -> DynamicTest.dynamicTest(
                                path + " as " + caller + " → 404",
                                () -> assertThat(send("GET", Call.get(path), tokens.get(caller))
                                                .statusCode())
                                        .isEqualTo(404))));
    }

    private Set<Endpoint> apiEndpoints() {
        Set<Endpoint> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    info.getMethodsCondition()
                            .getMethods()
                            .forEach(method -> endpoints.add(new Endpoint(method.name(), pattern)));
                }
            }
        }
        return endpoints;
    }

    /** Section A exactly as stored, so an allowed import changes nothing other tests rely on. */
    private String storedSectionAsCsv() {
        Industry section = industries.find("A").orElseThrow();
        return "id,industry_id,name,parent_id,level_type,description\n1,A," + section.name() + ",,0,"
                + (section.description() == null
                        ? ""
                        : "\"" + section.description().replace("\"", "\"\"") + "\"")
                + "\n";
    }

    private long station(Caller caller) {
        return caller == Caller.STATION_ADMIN_OTHER ? otherStation : ownStation;
    }

    private long throwawayTokenId(Caller caller) {
        if (caller.username == null) {
            return 1;
        }
        try {
            String token = createToken(caller.username);
            HttpResponse<String> list = send("GET", Call.get("/api/v1/auth/tokens"), token);
            Matcher ids = ID.matcher(list.body());
            long newest = 0;
            while (ids.find()) {
                newest = Math.max(newest, Long.parseLong(ids.group(1)));
            }
            return newest;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private String createToken(String username) throws IOException, InterruptedException {
        HttpResponse<String> response = send(
                "POST",
                Call.json(
                        "/api/v1/auth/tokens", "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}"),
                null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        Matcher token = TOKEN.matcher(response.body());
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    private HttpResponse<String> send(String method, Call call, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + call.path()))
                .header("Accept", "application/json")
                .method(
                        method,
                        call.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Endpoint endpoint(String text) {
        String[] parts = text.split(" ", 2);
        return new Endpoint(parts[0], parts[1]);
    }

    private static Rule open(String path) {
        return new Rule(caller -> Call.get(path), everyone(200));
    }

    private static Map<Caller, Integer> everyone(int status) {
        Map<Caller, Integer> expected = new EnumMap<>(Caller.class);
        for (Caller caller : Caller.values()) {
            expected.put(caller, status);
        }
        return expected;
    }

    private static Map<Caller, Integer> signedIn(int status) {
        Map<Caller, Integer> expected = everyone(status);
        expected.put(Caller.VISITOR, 401);
        return expected;
    }

    private static Map<Caller, Integer> operatorOnly(int status) {
        Map<Caller, Integer> expected = everyone(403);
        expected.put(Caller.VISITOR, 401);
        expected.put(Caller.OPERATOR, status);
        return expected;
    }

    private static Map<Caller, Integer> stationScoped(int status) {
        Map<Caller, Integer> expected = operatorOnly(status);
        expected.put(Caller.STATION_ADMIN_OWN, status);
        return expected;
    }

    private static OrganizationDraft draft(String name) {
        return new OrganizationDraft(name, "ENTERPRISE", null, null, "330100", null, null, null, null, null);
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** A text file the manager attached to a message in a fresh engagement of the station: its download path. */
    private String attachmentIn(long station) {
        String engagement = engagementIn(station, false)[0];
        try {
            HttpResponse<String> posted = send(
                    "POST",
                    Call.upload("/api/v1/engagements/" + engagement + "/messages", "矩阵附件.txt", "矩阵附件内容"),
                    tokens.get(Caller.MANAGER));
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
            Matcher link = Pattern.compile("\"link\"\\s*:\\s*\"([^\"]+)\"").matcher(posted.body());
            assertThat(link.find()).as(posted.body()).isTrue();
            return link.group(1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long demoManager() {
        return accounts.findByUsername("manager").orElseThrow().id();
    }
}
