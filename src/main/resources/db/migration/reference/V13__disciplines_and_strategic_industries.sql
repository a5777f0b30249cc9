-- Disciplines: the application codes (申请代码) of the National Natural Science Foundation of China. The built-in top
-- level (level 0) is NSFC's eight scientific departments, whose letters prefix every code; the full code list (A01,
-- A0101, A010101, …) arrives through the taxonomy importer, which hangs each first-level code under its department.
CREATE TABLE reference_discipline
(
  code        VARCHAR(7)   NOT NULL PRIMARY KEY CHECK (code ~ '^[A-Z]([0-9]{2}){0,3}$'),
  level       SMALLINT     NOT NULL CHECK (level BETWEEN 0 AND 3),
  name        VARCHAR(200) NOT NULL,
  name_en     VARCHAR(300),
  parent_code VARCHAR(7) REFERENCES reference_discipline (code) DEFERRABLE INITIALLY DEFERRED,
  CHECK (length(code) = 2 * level + 1),
  CHECK ((level = 0) = (parent_code IS NULL))
);
CREATE INDEX reference_discipline_by_parent ON reference_discipline (parent_code, code);

INSERT INTO reference_discipline (code, level, name, name_en, parent_code)
VALUES
  ('A', 0, '数学物理科学部', 'Department of Mathematical and Physical Sciences', NULL),
  ('B', 0, '化学科学部', 'Department of Chemical Sciences', NULL),
  ('C', 0, '生命科学部', 'Department of Life Sciences', NULL),
  ('D', 0, '地球科学部', 'Department of Earth Sciences', NULL),
  ('E', 0, '工程与材料科学部', 'Department of Engineering and Materials Sciences', NULL),
  ('F', 0, '信息科学部', 'Department of Information Sciences', NULL),
  ('G', 0, '管理科学部', 'Department of Management Sciences', NULL),
  ('H', 0, '医学科学部', 'Department of Health Sciences', NULL);

-- Strategic emerging industries (战略性新兴产业分类（2018）, 国家统计局令第 23 号): the nine top-level categories.
CREATE TABLE reference_strategic_industry
(
  code    VARCHAR(1)   NOT NULL PRIMARY KEY CHECK (code ~ '^[1-9]$'),
  name    VARCHAR(100) NOT NULL,
  name_en VARCHAR(200) NOT NULL
);

INSERT INTO reference_strategic_industry (code, name, name_en)
VALUES
  ('1', '新一代信息技术产业', 'Next-generation information technology'),
  ('2', '高端装备制造产业', 'High-end equipment manufacturing'),
  ('3', '新材料产业', 'New materials'),
  ('4', '生物产业', 'Biotechnology'),
  ('5', '新能源汽车产业', 'New energy vehicles'),
  ('6', '新能源产业', 'New energy'),
  ('7', '节能环保产业', 'Energy conservation and environmental protection'),
  ('8', '数字创意产业', 'Digital creativity'),
  ('9', '相关服务业', 'Related services');
