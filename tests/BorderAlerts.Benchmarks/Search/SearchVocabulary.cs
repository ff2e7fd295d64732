namespace BorderAlerts.Benchmarks.Search;

/// <summary>
/// Hand-written word lists for the search corpus, per language: the head (common words, roughly in order of frequency)
/// and the topic (border and sanctions words, placed at moderately rare ranks). The long tail is generated from the
/// common characters of each script (<see cref="SearchCorpus"/>).
/// </summary>
internal static class SearchVocabulary
{
    public const string EnglishHead =
        "the of and to in a is that for on with as was by it at from he said be has have are an his which this its not but were " +
        "or they had will been their more after also who year new would two over last first about than one people government up " +
        "other into could we there when some all out what officials state told week since against such three market between only " +
        "under president minister country report percent million before while economic trade talks during both most because may " +
        "made security foreign military news ministry according police month including national public official group company " +
        "time spokesman countries next international statement region local agency billion policy support meeting financial " +
        "later still party day leader capital bank plan another however city just already former further around high part " +
        "world cooperation economy development growth prices companies nuclear missile united nations summit agreement workers " +
        "authorities investigation province exports imports energy issue council media services data says added through back " +
        "early held central several expected recent major announced set can days earlier power industry increase long rules";

    public const string EnglishTopic =
        "sanctions Dandong smuggling coal customs Sinuiju Hunchun Rason Yalu seized vessel tanker DPRK Pyongyang Tumen " +
        "ship-to-ship transfer petroleum seafood textiles border crossing freight Namyang Hyesan Changbai Manpo Yanji laborers " +
        "designation Treasury OFAC anthracite refined smuggled interdiction blacklisted embargo Liaoning Jilin Chongjin Nampo";

    public const string ChineseHead =
        "的 了 在 是 和 一 中国 有 不 这 他 对 也 年 月 日 上 发展 表示 经济 人 说 为 与 将 从 到 我们 国家 中 等 地区 美国 问题 " +
        "合作 工作 进行 政府 记者 报道 会议 企业 市场 方面 已经 目前 同时 社会 关系 通过 可以 建设 部门 国际 政策 计划 提高 增加 " +
        "公司 双方 领导 重要 安全 今年 来自 相关 情况 继续 推动 加强 发布 消息 新闻 组织 主要 旅游 管理 服务 活动 项目 全国 实现 " +
        "要求 开展 技术 人员 影响 支持 需要 历史 文化 城市 世界 时间 提供 其中 我国 增长 产业 成为 主席 总统 外交部 发言人 " +
        "会谈 领域 投资 地方 资金 就业 改革 创新 交流 机制 共同 举行 召开 数据 显示 亿元 百分之 同比 全面 进一步 认为 指出 " +
        "强调 希望 关注 调查 代表 人民 生活 农村 交通 系统 环境 能源 价格 银行 金融 网络 平台 质量 标准 国内 国外 代表团";

    public const string ChineseTopic =
        "丹东 走私 煤炭 制裁 朝鲜 鸭绿江 新义州 珲春 罗先 图们 海关 查获 船舶 转运 石油 成品油 水产品 纺织品 劳务 安理会 决议 " +
        "专家小组 朝鲜半岛 平壤 边民 互市 延边 延吉 集安 长白 惠山 对朝 稀土 铁矿石 边境 口岸 货轮 油轮 过驳 无烟煤 辽宁 吉林";

    public const string KoreanHead =
        "있다 이 그 것 수 등 대한 있는 했다 하는 위해 밝혔다 정부 한국 미국 중국 경제 지난 이번 관련 대해 통해 따르면 올해 지역 " +
        "사업 문제 국가 기업 시장 회의 발표 대통령 장관 협력 계획 이날 또한 가장 함께 이후 현재 새로운 우리 많은 다시 같은 " +
        "정책 국제 사회 기자 세계 서울 시간 결과 필요 위원회 가능성 상황 분야 지원 확대 추진 강조 예정 전망 투자 산업 증가 " +
        "최근 진행 설명 주장 경우 당시 관계자 이상 내용 부분 방안 조사 지적 생각 대표 조치 보도 외교부 국회 여당 야당 공개";

    public const string KoreanDprkHead =
        "있다 이 그 것 수 등 조선 공화국 인민 로동 당 위대한 동지 혁명 령도 김정은 원수님 사회주의 건설 인민경제 " +
        "우리 나라 력사 리념 로동자 당중앙 전원회의 결정 관철 투쟁 승리 조국 수령 사상 자력갱생 정면돌파전 생산 공장 " +
        "기업소 농장 협동 전진 비약 성과 조직 일군 근로자 청년 녀성 령도자 위업 강국 건설장 현지지도 담화 성명 " +
        "미제 원쑤 괴뢰 반공화국 적대시 정책 규탄 자주권 존엄 평화 통일 조선중앙통신 로동신문 보도 발표 진행 되였다";

    public const string KoreanTopic =
        "단둥 밀수 석탄 제재 북한 신의주 세관 선박 환적 유엔 안보리 압록강 국경 훈춘 나선 투먼 혜산 무연탄 정제유 " +
        "해상 불법 적발 압수 수출 수입 노동자 파견 대북 북중 교역 화물 유조선 결의 전문가 패널 두만강 연길 나진";

    public const string JapaneseHead =
        "の に は を た が で て と し れ さ ある いる 日本 中国 政府 経済 する 年 月 日 こと これ など 問題 発表 首相 会議 " +
        "関係 ため よう として 明らか なっ 米国 韓国 国際 社会 企業 市場 東京 記者 会見 氏 大臣 外務省 方針 対応 検討 " +
        "影響 状況 必要 強化 協力 支援 開催 実施 調査 結果 今回 同日 一方 また さらに 指摘 説明 可能 見通し 予定 期待 " +
        "懸念 安全 保障 地域 国内 海外 価格 上昇 増加 減少 輸出 輸入 貿易 金融 銀行 投資 技術 産業 事業 計画 報道";

    public const string JapaneseTopic =
        "北朝鮮 密輸 石炭 制裁 丹東 瀬取り 国連 安保理 税関 摘発 船舶 鴨緑江 新義州 平壌 中朝 国境 密漁 石油 精製品 " +
        "水産物 繊維 労働者 決議 専門家パネル 遼寧省 吉林省 朝鮮半島 タンドン 拉致 ミサイル 発射 核実験";

    /// <summary>Latin syllables for generated English-like tail words (names, rare words).</summary>
    public const string Onsets = "b c d f g h j k l m n p r s t v w z br ch cr dr fl gr pl pr sh st str th tr";

    public const string Vowels = "a e i o u ai ea ee ou io ia";

    public const string Codas = " n r s t l m nd st ng rk ck x";

    public const string Particles = "은 는 이 가 을 를 에 의 에서 으로 와 과 도 만";

    public const string Hiragana = "の に は を が で と し て た も から まで より など へ や か れ さ せる いう なく";
}
