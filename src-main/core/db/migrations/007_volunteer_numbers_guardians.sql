-- 志愿者编号 (the 全国志愿服务信息系统 number) and, for a volunteer under 14 (PIPL Art. 28/31), the
-- guardian's name and the date the guardian consented. All optional in the table: the core requires
-- the guardian's pair only for a minor under 14, and volunteers recorded so far stay as they are.
ALTER TABLE volunteers ADD COLUMN volunteer_no TEXT;          -- 志愿者编号
ALTER TABLE volunteers ADD COLUMN guardian_name TEXT;         -- 监护人姓名
ALTER TABLE volunteers ADD COLUMN guardian_consent_on TEXT;   -- 监护人同意日期, YYYY-MM-DD
