#!/usr/bin/env python3
"""Build the lexicons the officials and authors extractors load at run time.

Reads ../shared/data (relative to the repo root) and writes into policyie/lexicons/:

* surnames.tsv  — surname, frequency            (gazetteer/surnames.csv, Chinese-Names-Corpus, Apache-2.0)
* namechars.tsv — per character: how much likelier it is inside a given name, and right after a
                  person's name, than in running text (log odds). Counted from the PER spans of
                  ner/msra_train_minus_pd98devtest.bio.gz (research use; no test split) and from the given names of
                  officials/background1.csv (CPED v1.0, Jiang 2018: cite the source). Only character
                  statistics are kept: no person's name is written out.
* posts.tsv     — post titles (书记, 副市长, 董事长 …) with a kind; curated here.
* foreign.tsv   — foreign countries and international bodies (美国, 世界卫生组织 …), curated here: a title
                  that starts with one is a foreign post.
* orgs.tsv      — organ names and prefixes (中共中央政治局, 市委, 人大常委会 …, from national to township
                  level, courts, NPC, CPPCC, state firms), curated here plus the organ vocabulary of
                  officials/job_Title_code.csv (CPED), plus provinces and prefecture cities
                  (gazetteer/*.csv, modood/Administrative-divisions-of-China, WTFPL) used to find a
                  document's home jurisdiction.

Re-run after changing the curated lists: ``python scripts/build_officials_lexicon.py``.
"""

from __future__ import annotations

import csv
import gzip
import io
import math
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
OUT = ROOT / "policyie" / "lexicons"

# Posts, longest forms first is not needed: the loader sorts. kind: lead (一把手), deputy, member, staff.
POSTS: dict[str, str] = {}
for _kind, _words in {
    "lead": "总书记 书记 第一书记 党组书记 党委书记 党工委书记 工委书记 主席 委员长 总理 国家主席 省长 市长 区长 县长 "
    "州长 旗长 镇长 乡长 主任 部长 厅长 局长 处长 科长 署长 院长 检察长 审计长 行长 校长 教育长 社长 台长 会长 理事长 "
    "董事长 总经理 总裁 组长 司令员 政委 政治委员 主委 团长 所长 站长 队长 馆长 总监 主任委员 指挥长 总指挥 场长 "
    "党组书记、主任 监事会主席 首席执行官 特首 行政长官 大使 总领事 盟长 主席团主席 首席大法官 首席大检察官 执行主任 执行主席 执行董事 "
    # foreign posts (SPEC.md §3 counts foreign office-holders): heads of state and government, ministers, heads
    # of international bodies, as the news writes them after the country (法国总统, 美国国务卿, 世卫组织总干事)
    "总统 首相 政府首脑 国王 女王 王储 苏丹 外长 防长 财长 国务卿 总干事 议长 总督 埃米尔 酋长 国务委员长 外交大臣 众议长 参议长 "
    "高级代表 特使 特别代表 高级专员 执行秘书 总秘书长 联合主席 大臣 外务相 外相 防卫相 国务秘书 外交国务秘书 国务资政 "
    # the heads of a foreign state's states where the news gives them no 州长 or 省长 (马来西亚沙捞越州首长, 印度喀拉拉邦首席部长,
    # 斯里兰卡乌沃省省督)
    "首长 首席部长 省督 "
    # the civil-service head of a ministry or department in Commonwealth states (旁遮普省农业厅常务秘书, 英国外交部常务次官)
    "常务秘书 常务次官 "
    # a party's leader as the news writes a foreign one (工党领袖, 反对党领袖; officials.py takes it after 党 only)
    "领袖 "
    # Korean and Japanese posts as the news writes them (外交部长官, 国家安保室长, 东京都知事)
    "长官 室长 知事 "
    # village and pastoral heads (嘎查长 in Inner Mongolia's pastoral areas)
    "嘎查长 苏木达 村长 驻村第一书记 "
    # the head of a prefecture's administrative office (阿勒泰地区行署专员), where a 地区 is not a city
    "专员 "
    # army posts besides 司令员 and 政委 (联合参谋部参谋长, 俄军总参谋长, 乌军总司令, 美军印太司令部司令): the news
    # names foreign commanders by these
    "参谋长 总参谋长 总司令 司令 司令官 最高司令官 "
    # the heads of a ministry's departments (外交部亚洲司司长, 国家发展改革委价格司司长), a customs district (海关关长),
    # a court's division (庭长) and the fire and police corps (消防救援总队总队长, 支队长, 大队长)
    "司长 关长 庭长 总队长 支队长 大队长 "
    # the head of a foreign county (肯尼亚凯里乔郡郡长, 英国肯特郡郡长): the news writes 郡长, not 县长; of a Thai province
    # (泰国清迈府府尹)
    "郡长 府尹 最高领袖 最高领导人 领导人 贸易代表",  # (伊朗最高领袖, 朝鲜最高领导人: a state's supreme leader; 缅甸领导人敏昂莱;
    # 美国贸易代表戴琪, a cabinet post)
    "deputy": "副书记 副主席 副委员长 副总理 副省长 副市长 副区长 副县长 副州长 副旗长 副镇长 副乡长 副主任 副部长 "
    "副厅长 副局长 副处长 副署长 副院长 副检察长 副审计长 副行长 副校长 副教育长 副社长 副台长 副会长 副理事长 副董事长 "
    "副总经理 副总裁 副组长 副司令员 副政委 副主委 副秘书长 副总指挥 副指挥长 常务副市长 常务副省长 常务副区长 副府尹 "
    "副主任委员 常务副县长 常务副主任 常务副主席 常务副部长 常务副书记 专职副书记 第一副书记 副总书记 "
    "副总统 副首相 副国务卿 副总干事 副议长 副外长 副专员 副场长 副参谋长 副总参谋长 副总司令 副司令 副首长 副首席部长 "
    "副司长 副关长 副庭长 副总队长 副支队长 副大队长 副郡长",
    "member": "常委 委员 国务委员 党组成员 党委委员 党组副书记 党委副书记 党工委副书记 工委副书记 秘书长 "
    "党委常委 政治局委员 政治局常委 候补委员 党委成员 工委委员 工委成员 党工委委员 党工委成员 "
    "纪检监察组组长 监察专员 总工程师 总会计师 总经济师 总规划师 总审计师 总统计师 总农艺师 总畜牧师 总兽医师 总法律顾问 外事顾问 国家安全顾问 总统顾问 巡视员 一级巡视员 二级巡视员 督察长 "
    "副巡视员 调研员 一级调研员 总督学 副总督学 总督察 副总督察 召集人 专职委员 负责人 主要负责人 议员 "
    # spokespersons speak for their organ and are named with it (外交部发言人, 国防部新闻发言人, 白宫发言人)
    "发言人 新闻发言人 首席发言人 "
    # assistants to a head of state, government or ministry, and a head of state's press secretary (总统助理乌沙科夫,
    # 部长助理唐文弘, 白宫新闻秘书): a bare 助理 is left out, most are a firm's (总经理助理)
    "总统助理 总理助理 国务卿助理 部长助理 省长助理 市长助理 主席助理 新闻秘书 总统新闻秘书 国家安全事务助理 总理顾问 "
    # the secretary of a state's security council (俄罗斯联邦安全会议秘书, 伊朗最高国家安全委员会秘书) and a supreme
    # leader's adviser: a bare 秘书 is left out, most are a person's (秘书小王)
    "安全会议秘书 安全委员会秘书 最高领袖顾问 "
    # a deputy to a people's congress holds its seat as a CPPCC member holds his (全国人大代表柯军, 全国政协委员…); only
    # with the congress's level, since a bare 人大代表 is as often the deputies in general (人大代表植根人民)
    "全国人大代表 省人大代表 市人大代表 区人大代表 县人大代表 州人大代表 自治区人大代表",
}.items():
    for _w in _words.split():
        POSTS[_w] = _kind

# Titles that name a body of leaders rather than a post; shared by every name in the list they head.
GROUP_TITLES = (
    "党和国家领导人 中央领导同志 中央领导 省领导 市领导 区领导 县领导 州领导 盟领导 旗领导 自治区领导 "
    "镇领导 乡领导 街道领导 集团领导 公司领导 校领导 院领导 部领导 委领导 局领导 厅领导 省部级领导 "
    "市委领导 区委领导 县委领导 省委领导 领导班子成员"
).split()

# Organ forms a title is built from (besides place names, which the segmenter tags ns).
CORE_ORGS: dict[str, str] = {}
for _kind, _words in {
    "party": "中共中央 党中央 中央 中共中央政治局 中央政治局 政治局 中央书记处 书记处 中央委员会 中央纪委 "
    "中央纪律检查委员会 中央组织部 中央宣传部 中央统战部 中央政法委 中央办公厅 中央外办 中央军委 中央军事委员会 "
    "中央政策研究室 中央财经委员会 中央财办 中央网信办 中央编办 中央和国家机关工委 中央党校 中央社会工作部 "
    "中共 省委 市委 区委 县委 州委 旗委 盟委 地委 自治区党委 镇党委 乡党委 街道党工委 党工委 工委 党委 党组 "
    # the Central Military Commission's departments and the services, whose posts the news names (联合参谋部参谋长,
    # 陆军副参谋长: jieba tags 陆军 a name)
    "联合参谋部 政治工作部 后勤保障部 装备发展部 训练管理部 国防动员部 陆军 海军 空军 火箭军 联勤保障部队 武装力量 国防军 "
    "机关党委 常委会 纪委 监委 纪委监委 纪工委 监察工委 纪工委监工委 组织部 宣传部 统战部 政法委 政研室 "
    "编委 教育工委 金融工委 企业工委 网信办 社会工作部 巡视组 巡察组 市委常委会 省委常委会 区委常委会 县委常委会",
    "government": "国务院 国家 中央人民政府 人民政府 行署 行政公署 省政府 市政府 区政府 县政府 州政府 旗政府 镇政府 乡政府 "
    "街道办事处 街道 办事处 管委会 管理委员会 发展改革委 发改委 国家发展改革委 国资委 国家监委 国家监察委员会 "
    "经济和信息化局 经信局 经信委 科委 科技局 科技厅 科技部 教委 教育局 教育厅 教育部 财政局 财政厅 财政部 "
    "商务局 商务厅 商务部 公安局 公安厅 公安部 民政局 民政厅 民政部 司法局 司法厅 司法部 外交部 国防部 "
    "人力资源和社会保障局 人力社保局 人社局 人社厅 人社部 规划和自然资源委 规划自然资源委 自然资源部 自然资源厅 "
    "自然资源局 生态环境局 生态环境厅 生态环境部 住房城乡建设委 住建委 住建局 住建厅 住房和城乡建设部 "
    "住房城乡建设局 住房城乡建设厅 住房城乡建设部 住房和城乡建设局 住房和城乡建设厅 住房和城乡建设委员会 "
    "城市管理委 城管委 交通委 交通局 交通运输厅 交通运输部 水务局 水利厅 水利部 农业农村局 农业农村厅 "
    "农业农村部 文化和旅游局 文旅局 文化和旅游厅 文化和旅游部 卫生健康委 卫健委 卫生健康委员会 应急管理局 "
    "应急管理厅 应急管理部 市场监管局 市场监督管理局 国家市场监管总局 审计局 审计厅 审计署 统计局 "
    "国家统计局 税务局 国家税务总局 海关总署 海关 金融监管局 国家金融监督管理总局 证监会 中国证监会 人民银行 "
    "中国人民银行 外汇局 医保局 国家医保局 退役军人事务局 退役军人事务部 体育局 国家体育总局 广电局 "
    "新闻出版局 信访办 信访局 国家信访局 政务服务管理局 政务服务局 大数据局 国管局 粮食和物资储备局 "
    "林业和草原局 国家林草局 药监局 国家药监局 知识产权局 国家知识产权局 侨办 台办 国台办 港澳办 "
    "国务院办公厅 办公厅 办公室 研究室 参事室 地方志办 外办 商务委 经信委 发展和改革委员会 "
    "国家民委 民委 民宗委 宗教局 国家宗教局 国家安全部 安全局 国家能源局 能源局 国家铁路局 民航局 中国民航局 "
    "邮政局 国家邮政局 气象局 中国气象局 地震局 中国地震局 国家移民管理局 国家航天局 国家原子能机构 "
    "市场监管总局 国家市场监督管理总局 税务总局 体育总局 国家广播电视总局 广电总局 金融监管总局 国家林业和草原局 国家消防救援局 "
    "国家外汇局 国家国防科工局 国防科工局 国家烟草专卖局 国务院国资委 国家乡村振兴局 国务院台办 国家网信办 国家标准委 国家认监委 "
    "奥组委 冬奥组委 北京冬奥组委 北京冬奥会组委会 残奥组委 亚组委 组委会 "
    "国家数据局 国家粮食和物资储备局 国家文物局 国家中医药局 国家疾控局 国家疾病预防控制局 疾病预防控制局 疾病预防控制中心 疾控中心 国家外汇管理局 新华社 人民日报社 "
    "中央广播电视总台 中国科学院 中国社会科学院 中国工程院 国务院发展研究中心 国家行政学院",
    "congress": "全国人大 全国人大常委会 全国人民代表大会 全国人民代表大会常务委员会 人大 人大常委会 "
    "省人大常委会 市人大常委会 区人大常委会 县人大常委会 常务委员会 人大财经委 "
    "人大法工委 人大常委会法工委 宪法和法律委员会 监察和司法委员会 财政经济委员会 教育科学文化卫生委员会 "
    "外事委员会 华侨委员会 环境与资源保护委员会 农业与农村委员会 社会建设委员会 民族委员会 "
    # foreign legislatures whose chambers' heads the news names (俄罗斯联邦会议国家杜马主席: 会议 ends no title here),
    # and a state's security council (俄罗斯联邦安全会议副主席梅德韦杰夫)
    "联邦会议 俄罗斯联邦会议 国家杜马 联邦委员会 联邦安全会议 安全会议 国家安全会议",
    "cppcc": "全国政协 政协 省政协 市政协 区政协 县政协 中国人民政治协商会议 政协全国委员会 政协委员 "
    "全国政协委员 提案委员会 经济委员会 人口资源环境委员会 教科卫体委员会 社会和法制委员会 民族和宗教委员会 "
    "港澳台侨委员会 文化文史和学习委员会 农业和农村委员会",
    "judicial": "最高人民法院 最高人民检察院 高级人民法院 中级人民法院 人民法院 人民检察院 法院 检察院 "
    "高院 中院 检察分院 知识产权法院 金融法院 互联网法院 铁路运输法院",
    "mass": "总工会 工会 共青团 团中央 团委 团省委 团市委 团区委 妇联 全国妇联 科协 中国科协 侨联 全国侨联 "
    "文联 中国文联 作协 中国作协 残联 中国残联 工商联 全国工商联 红十字会 中国红十字会 贸促会 中国贸促会 "
    "对外友协 台联 记协 中国记协 法学会 中国法学会 供销合作总社 供销社 民革 民盟 民建 民进 农工党 致公党 "
    "九三学社 台盟 中央委员会",
    "firm": "集团 集团公司 有限公司 有限责任公司 股份有限公司 控股 控股集团 投资集团 银行 公司 总公司 "
    "国家电网 中国石油 中国石化 中国海油 中国移动 中国电信 中国联通 国家能源集团 中国中铁 中国铁建 中国建筑 "
    "中国交建 中国中车 中国宝武 中国五矿 中国中化 中国华能 中国大唐 中国华电 国家电投 三峡集团 中国航天科技 "
    "中国航天科工 中国航空工业 中国船舶 中国兵器 中国电科 中国商飞 中粮集团 国投 招商局集团 华润集团 中国远洋海运 "
    "中国工商银行 中国农业银行 中国银行 中国建设银行 交通银行 国家开发银行 中国进出口银行 中国农业发展银行 "
    "中国投资有限责任公司 中信集团 中国光大集团 中国人寿 中国人保 国铁集团 中国国家铁路集团 首钢集团 首钢 "
    "北汽集团 京能集团 北京控股 首创集团 北京城建 北京建工 北京金控 上汽集团 广汽集团",
    "unit": "经济技术开发区 高新技术产业开发区 开发区 高新区 经开区 自贸区 自由贸易试验区 新区 园区 "
    "示范区 保税区 综保区 片区 大学 学院 医院 研究院 研究所 科学院 党校 学校 中学 小学",
}.items():
    for _w in _words.split():
        CORE_ORGS.setdefault(_w, _kind)

# Surnames the names corpus lacks but officials bear (亓, 逯, 昝 …; 郤, 夔 and 蓟 of the 百家姓, 麴); given a low frequency so that they
# still need a title or the segmenter to start a name.
EXTRA_SURNAMES = "谌 郇 亓 逯 昝 蹇 芮 禚 笪 宓 郗 寇 訾 逄 铁 闫 靳 冶 仉 缑 亢 钭 隗 扈 麦 敖 艾 佘 覃 晏 揭 眭 郏 琚 蒯 郦 庹 弋 衣 由 钮 牛 仇 者 郤 夔 麴 蓟 起"

# Foreign countries and international bodies: a title that starts with one names a foreign post
# (美国总统, 印度总理, 世界卫生组织总干事), and SPEC.md §3 counts only Chinese public posts. Curated here
# (general knowledge: UN member states by their usual Chinese short names, plus common bodies).
FOREIGN = (
    "美国 俄罗斯 日本 韩国 朝鲜 英国 法国 德国 意大利 西班牙 葡萄牙 荷兰 比利时 卢森堡 瑞士 奥地利 瑞典 挪威 丹麦 "
    "芬兰 冰岛 爱尔兰 波兰 捷克 斯洛伐克 匈牙利 罗马尼亚 保加利亚 希腊 塞尔维亚 克罗地亚 斯洛文尼亚 波黑 北马其顿 "
    "阿尔巴尼亚 摩尔多瓦 乌克兰 白俄罗斯 立陶宛 拉脱维亚 爱沙尼亚 马耳他 塞浦路斯 摩纳哥 列支敦士登 圣马力诺 安道尔 梵蒂冈 "
    "土耳其 格鲁吉亚 亚美尼亚 阿塞拜疆 哈萨克斯坦 乌兹别克斯坦 吉尔吉斯斯坦 塔吉克斯坦 土库曼斯坦 蒙古国 蒙古 阿富汗 巴基斯坦 "
    "印度 尼泊尔 不丹 孟加拉国 孟加拉 斯里兰卡 马尔代夫 缅甸 泰国 老挝 柬埔寨 越南 马来西亚 新加坡 印度尼西亚 印尼 文莱 "
    "菲律宾 东帝汶 澳大利亚 新西兰 巴布亚新几内亚 斐济 萨摩亚 汤加 瓦努阿图 所罗门群岛 基里巴斯 密克罗尼西亚 瑙鲁 图瓦卢 "
    "伊朗 伊拉克 叙利亚 黎巴嫩 约旦 以色列 巴勒斯坦 沙特阿拉伯 沙特 阿联酋 阿拉伯联合酋长国 卡塔尔 巴林 科威特 阿曼 也门 "
    "埃及 利比亚 突尼斯 阿尔及利亚 摩洛哥 苏丹 南苏丹 埃塞俄比亚 厄立特里亚 吉布提 索马里 肯尼亚 乌干达 坦桑尼亚 卢旺达 "
    "布隆迪 刚果（金） 刚果（布） 刚果 加蓬 喀麦隆 尼日利亚 尼日尔 乍得 马里 塞内加尔 冈比亚 几内亚比绍 几内亚 塞拉利昂 "
    "利比里亚 科特迪瓦 加纳 多哥 贝宁 布基纳法索 毛里塔尼亚 佛得角 赤道几内亚 圣多美和普林西比 安哥拉 赞比亚 津巴布韦 "
    "马拉维 莫桑比克 纳米比亚 博茨瓦纳 南非 莱索托 斯威士兰 埃斯瓦蒂尼 马达加斯加 毛里求斯 塞舌尔 科摩罗 中非共和国 "
    "加拿大 墨西哥 古巴 危地马拉 洪都拉斯 萨尔瓦多 尼加拉瓜 哥斯达黎加 巴拿马 多米尼加 多米尼克 海地 牙买加 巴哈马 "
    "巴巴多斯 特立尼达和多巴哥 格林纳达 圣卢西亚 安提瓜和巴布达 巴西 阿根廷 智利 秘鲁 哥伦比亚 委内瑞拉 厄瓜多尔 玻利维亚 "
    "巴拉圭 乌拉圭 圭亚那 苏里南 欧盟 欧洲联盟 欧洲理事会 欧盟委员会 欧洲议会 欧洲央行 北约 联合国 世界卫生组织 世卫组织 "
    "世界贸易组织 世贸组织 国际货币基金组织 世界银行 国际奥委会 国际奥林匹克委员会 亚奥理事会 国际残奥委会 世经论坛 东盟 非盟 非洲联盟 阿盟 上海合作组织 "
    "金砖国家新开发银行 亚洲基础设施投资银行 亚投行 二十国集团 七国集团 国际原子能机构 国际劳工组织 联合国教科文组织 "
    "世界经济论坛 国际足联 美联储 白宫 五角大楼 克里姆林宫 越共 越共中央 老挝人民革命党 朝鲜劳动党 古共 古共中央 共和党 "
    # foreign states, provinces and capitals whose governors and mayors the news names (纽约州州长)
    "纽约 加州 加利福尼亚 得克萨斯 德克萨斯 佛罗里达 夏威夷 华盛顿 伊利诺伊 密歇根 俄亥俄 宾夕法尼亚 马萨诸塞 犹他 "
    "东京 大阪 首尔 伦敦 巴黎 莫斯科 柏林 罗马 马德里 曼谷 河内 万象 金边 雅加达 马尼拉 新德里 伊斯兰堡 "
    "基辅 华沙 布拉格 维也纳 布达佩斯 布鲁塞尔 阿姆斯特丹 日内瓦 斯德哥尔摩 奥斯陆 赫尔辛基 哥本哈根 雅典 里斯本 "
    "安卡拉 伊斯坦布尔 德黑兰 巴格达 大马士革 贝鲁特 利雅得 迪拜 开罗 内罗毕 亚的斯亚贝巴 渥太华 多伦多 温哥华 "
    "洛杉矶 芝加哥 旧金山 休斯敦 堪培拉 悉尼 墨尔本 惠灵顿 奥克兰 巴西利亚 圣保罗 里约热内卢 布宜诺斯艾利斯 "
    "墨西哥城 圣地亚哥 利马 波哥大 加拉加斯 哈瓦那 吉隆坡 仰光 内比都 加德满都 科伦坡 达卡 喀布尔 塔什干 阿斯塔纳 "
    "明斯克 第比利斯 埃里温 巴库 乌兰巴托 平壤"
).split()
# 俄总统, 美防长: one-character short forms, foreign only when they are the whole organ part.
FOREIGN_SHORT = "美 俄 日 英 法 德 韩 朝 印 澳 加 意 越 泰 伊 以 乌 土 沙 埃 巴 菲 墨 欧".split()

JOB_CATEGORIES = {
    "党委": "party",
    "政府_国务院": "government",
    "人大": "congress",
    "政协": "cppcc",
    "法院_检察院": "judicial",
    "中央企业": "firm",
    "共青团": "mass",
    "行业协会_人民团体": "mass",
    "民主党派": "mass",
}

PAREN = re.compile(r"[（(][^）)]*[）)]")
HAN = re.compile(r"^[\u4e00-\u9fff]{2,20}$")


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_text(encoding="utf-8-sig")
    # The CPED exports use bare CR line ends.
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    return list(csv.reader(io.StringIO(raw)))


def job_orgs() -> dict[str, str]:
    out: dict[str, str] = {}
    for row in read_csv(DATA / "officials" / "job_Title_code.csv")[1:]:
        if len(row) < 3 or row[2] not in JOB_CATEGORIES:
            continue
        name = PAREN.sub("", row[1]).strip().replace(" ", "")
        # "劳动人事部/厅/局" spells three organs.
        parts = name.split("/")
        forms = [parts[0]]
        if len(parts) > 1 and len(parts[0]) > 1:
            stem = parts[0][:-1]
            forms += [stem + p for p in parts[1:] if len(p) == 1]
        for f in forms:
            if HAN.match(f) and not f.endswith(("组", "社")) or f.endswith("党组"):
                out.setdefault(f, JOB_CATEGORIES[row[2]])
    return out


def places() -> list[tuple[str, str, str]]:
    """(form, level, canonical) for provinces and prefecture cities, full and short forms."""
    out: list[tuple[str, str, str]] = []
    suffixes = ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市")
    for row in read_csv(DATA / "gazetteer" / "provinces.csv")[1:]:
        name = row[1]
        out.append((name, "province", name))
        for s in suffixes:
            if name.endswith(s) and len(name) > len(s) + 1:
                out.append((name[: -len(s)], "province", name))
                break
    for row in read_csv(DATA / "gazetteer" / "cities.csv")[1:]:
        name = row[1]
        if name in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
            continue
        out.append((name, "city", name))
        if name.endswith("市") and len(name) > 2:
            out.append((name[:-1], "city", name))
    return out


def surnames() -> list[tuple[str, int]]:
    rows = []
    for r in read_csv(DATA / "gazetteer" / "surnames.csv")[1:]:
        # Frequencies below 100 are written with decimals (冀 28.5, 谌 24.8): keep them, rounded.
        if len(r) > 1 and re.fullmatch(r"\d+(?:\.\d+)?", r[1]):
            rows.append((r[0], max(1, round(float(r[1])))))
    have = {s for s, _ in rows}
    return rows + [(s, 10) for s in EXTRA_SURNAMES.split() if s not in have]


def read_bio(path: Path) -> list[list[tuple[str, str]]]:
    sents: list[list[tuple[str, str]]] = []
    cur: list[tuple[str, str]] = []
    raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    for line in raw.decode("utf-8").splitlines():
        parts = line.split()
        if len(parts) < 2:
            if cur:
                sents.append(cur)
                cur = []
            continue
        cur.append((parts[0], parts[-1]))
    if cur:
        sents.append(cur)
    return sents


def name_chars(sur: set[str]) -> list[tuple[str, float, float, int, int]]:
    """Log odds of a character inside a given name and right after a name, against running text."""
    given: Counter[str] = Counter()
    follow: Counter[str] = Counter()
    text: Counter[str] = Counter()
    # MSRA train without the sentences of pd1998 dev/test: no test set's names shape these odds
    # (../shared/data/SOURCES.md, leakage warning), so the NER scores on either test set stay clean.
    for f in ("msra_train_minus_pd98devtest.bio.gz",):
        for sent in read_bio(DATA / "ner" / f):
            chars = [c for c, _ in sent]
            text.update(chars)
            i = 0
            while i < len(sent):
                if sent[i][1] in ("B-PER", "S-PER"):
                    j = i + 1
                    while j < len(sent) and sent[j][1] in ("I-PER", "M-PER", "E-PER"):
                        j += 1
                    name = "".join(chars[i:j])
                    if 2 <= len(name) <= 3 and name[0] in sur:
                        given.update(name[1:])
                    if j < len(sent):
                        follow[chars[j]] += 1
                    i = j
                else:
                    i += 1
    for row in read_csv(DATA / "officials" / "background1.csv")[1:]:
        name = row[1].strip() if len(row) > 1 else ""
        if 2 <= len(name) <= 3 and name[0] in sur:
            given.update(name[1:])
    g_tot, f_tot, t_tot = sum(given.values()), sum(follow.values()), sum(text.values())
    out = []
    for c in sorted(set(given) | set(follow)):
        base = (text[c] + 1) / t_tot
        # Shrink toward running text with a prior worth half the data, so a character never seen in
        # the (small) name sample is mildly, not strongly, unlikely there.
        g = math.log((given[c] + g_tot / 2 * base) / (g_tot * 1.5) / base)
        fo = math.log((follow[c] + f_tot / 2 * base) / (f_tot * 1.5) / base)
        out.append((c, round(g, 2), round(fo, 2), given[c], follow[c]))
    return out


def write_tsv(path: Path, header: str, rows: list[tuple]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        fh.write(header)
        for r in rows:
            fh.write("\t".join(str(x) for x in r) + "\n")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    sur = surnames()
    write_tsv(
        OUT / "surnames.tsv",
        "# Chinese surnames with frequency. Source: gazetteer/surnames.csv from wainshine/Chinese-Names-Corpus "
        "(Apache-2.0). Built by scripts/build_officials_lexicon.py.\n# surname\tfreq\n",
        sorted(sur, key=lambda r: -r[1]),
    )
    chars = name_chars({s for s, _ in sur})
    write_tsv(
        OUT / "namechars.tsv",
        "# Character statistics for splitting names from what follows them: log odds of the character inside a "
        "given name (given) and right after a person's name (follow), against running text; raw counts after.\n"
        "# Sources: PER spans of MSRA NER train without the People's Daily 1998 dev/test sentences (research use); given names of the "
        "China Political Elite Database v1.0 (Jiang 2018). No names are stored. Built by "
        "scripts/build_officials_lexicon.py.\n# char\tgiven\tfollow\tn_given\tn_follow\n",
        chars,
    )
    posts = [(p, k) for p, k in POSTS.items() if "、" not in p] + [(g, "group") for g in GROUP_TITLES]
    write_tsv(
        OUT / "posts.tsv",
        "# Post titles (kind lead/deputy/member) and group titles (kind group: 市领导 …). Curated in "
        "scripts/build_officials_lexicon.py.\n# post\tkind\n",
        sorted(posts, key=lambda r: (r[1], r[0])),
    )
    orgs = dict(CORE_ORGS)
    for o, k in job_orgs().items():
        orgs.setdefault(o, k)
    rows: list[tuple] = [(o, k, "") for o, k in sorted(orgs.items())]
    rows += [(form, level, canon) for form, level, canon in places()]
    write_tsv(
        OUT / "orgs.tsv",
        "# Organs a title is built from (kind party/government/congress/cppcc/judicial/mass/firm/unit) and home "
        "jurisdictions (kind province/city, with the canonical name). Sources: curated lists in "
        "scripts/build_officials_lexicon.py; organ vocabulary of the China Political Elite Database v1.0 "
        "(officials/job_Title_code.csv, Jiang 2018: cite the source); provinces and cities from "
        "modood/Administrative-divisions-of-China (WTFPL).\n# form\tkind\tcanonical\n",
        rows,
    )
    foreign = [(f, "full") for f in dict.fromkeys(FOREIGN)] + [(f, "short") for f in FOREIGN_SHORT]
    write_tsv(
        OUT / "foreign.tsv",
        "# Foreign countries and international bodies (kind full) and one-character short forms (kind short): "
        "a title starting with one is a foreign post, not an official's (SPEC.md §3). Curated in "
        "scripts/build_officials_lexicon.py (general knowledge).\n# form\tkind\n",
        foreign,
    )
    print(f"surnames {len(sur)}, namechars {len(chars)}, posts {len(posts)}, orgs {len(rows)}, foreign {len(foreign)}")


if __name__ == "__main__":
    main()
