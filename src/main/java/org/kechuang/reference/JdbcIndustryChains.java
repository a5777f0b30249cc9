package org.kechuang.reference;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcIndustryChains implements IndustryChains {

    private static final String NODES = """
            SELECT n.code, n.chain_code, n.stage, n.name, n.name_en, n.position,
                   array_agg(i.industry_code ORDER BY i.industry_code) AS industry_codes
            FROM reference_chain_node n
            JOIN reference_chain c ON c.code = n.chain_code
            JOIN reference_chain_node_industry i ON i.node_code = n.code
            """;
    private static final String NODE_ORDER = " GROUP BY n.code, c.position ORDER BY c.position,"
            + " CASE n.stage WHEN 'UPSTREAM' THEN 1 WHEN 'MIDSTREAM' THEN 2 ELSE 3 END, n.position";

    private final JdbcClient jdbc;

    JdbcIndustryChains(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<IndustryChain> all() {
        return assemble(
                chains(""),
                jdbc.sql(NODES + NODE_ORDER).query(JdbcIndustryChains::node).list());
    }

    @Override
    public Optional<IndustryChain> find(String chainCode) {
        String code = Codes.normalized(chainCode);
        if (code == null) {
            return Optional.empty();
        }
        List<ChainHead> heads = chains(code);
        List<ChainNode> nodes = jdbc.sql(NODES + " WHERE n.chain_code = ?" + NODE_ORDER)
                .param(code)
                .query(JdbcIndustryChains::node)
                .list();
        return assemble(heads, nodes).stream().findFirst();
    }

    @Override
    public Optional<ChainNode> findNode(String nodeCode) {
        String code = Codes.normalized(nodeCode);
        if (code == null) {
            return Optional.empty();
        }
        return jdbc.sql(NODES + " WHERE n.code = ?" + NODE_ORDER)
                .param(code)
                .query(JdbcIndustryChains::node)
                .optional();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM reference_chain")
                .query(Long.class)
                .single();
    }

    private List<ChainHead> chains(String code) {
        String where = code.isEmpty() ? "" : " WHERE code = :code";
        var statement = jdbc.sql("SELECT code, name, name_en FROM reference_chain" + where + " ORDER BY position");
        if (!code.isEmpty()) {
            statement = statement.param("code", code);
        }
        return statement.query(ChainHead.class).list();
    }

    private static List<IndustryChain> assemble(List<ChainHead> heads, List<ChainNode> nodes) {
        Map<String, List<ChainNode>> byChain = new LinkedHashMap<>();
        heads.forEach(head -> byChain.put(head.code(), new ArrayList<>()));
        nodes.forEach(node -> byChain.get(node.chainCode()).add(node));
        return heads.stream()
                .map(head -> new IndustryChain(head.code(), head.name(), head.nameEn(), byChain.get(head.code())))
                .toList();
    }

    private static ChainNode node(ResultSet rs, int row) throws SQLException {
        Array codes = rs.getArray("industry_codes");
        return new ChainNode(
                rs.getString("code"),
                rs.getString("chain_code"),
                ChainStage.valueOf(rs.getString("stage")),
                rs.getString("name"),
                rs.getString("name_en"),
                rs.getInt("position"),
                List.of((String[]) codes.getArray()));
    }

    private record ChainHead(String code, String name, String nameEn) {}
}
