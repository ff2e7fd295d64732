#!/usr/bin/env python3
"""Writes the legacy-encoded feed fixtures in this folder (run: python3 make_legacy.py).

Each file is an RSS 2.0 feed whose bytes are in the encoding named by its file name. The texts are
hand-written in the style of the outlets that still publish these encodings (Yonhap-style EUC-KR, CNA-style
Big5, a mainland site that declares GB2312 but uses GBK/GB18030 characters such as 喆, NHK-style Shift_JIS
and Asahi-style EUC-JP). The tests hold the expected first title of each file as a C# string.
"""

def rss(declared, channel, link, items):
    head = f'<?xml version="1.0" encoding="{declared}"?>\n' if declared else ''
    body = [head + '<rss version="2.0">\n<channel>\n'
            f'<title>{channel}</title>\n<link>{link}</link>\n<description>{channel}</description>\n']
    for title, url, text, date in items:
        body.append(f'<item>\n<title>{title}</title>\n<link>{url}</link>\n'
                    f'<description>{text}</description>\n<pubDate>{date}</pubDate>\n</item>\n')
    body.append('</channel>\n</rss>\n')
    return ''.join(body)

KOREAN = [
    ('中 단둥 세관, 北 석탄 밀수 조직 적발', 'https://www.yna.co.kr/view/AKR20261130041200083',
     '중국 랴오닝성 단둥 세관이 대북 제재를 어기고 북한산 무연탄을 들여온 밀수 조직을 적발했다고 현지 매체가 30일 보도했다.',
     'Mon, 30 Nov 2026 10:21:00 +0900'),
    ('대북 제재 위반 혐의 선박, 신의주 인근 해상서 포착', 'https://www.yna.co.kr/view/AKR20261130029800504',
     '유엔 안보리 대북제재위원회 전문가 패널은 제재 대상 선박이 신의주 인근 해상에서 환적하는 장면이 포착됐다고 밝혔다.',
     'Mon, 30 Nov 2026 08:05:00 +0900'),
]
CHINESE_HANT = [
    ('北韓煤炭經丹東走私 聯合國制裁小組點名中國貿易商', 'https://www.cna.com.tw/news/aopl/202611300034.aspx',
     '聯合國安理會北韓制裁專家小組報告指出，北韓煤炭經由遼寧丹東走私出口，多家中國貿易商涉案。',
     'Mon, 30 Nov 2026 09:12:00 +0800'),
    ('新義州對岸丹東口岸通關恢復 中朝貿易回溫', 'https://www.cna.com.tw/news/acn/202611290187.aspx',
     '中國與北韓邊境的丹東口岸恢復通關，貿易商表示對朝出口貨物明顯增加。', 'Sun, 29 Nov 2026 20:40:00 +0800'),
]
CHINESE_HANS_GBK = [
    ('丹东海关查获走私朝鲜海产品 涉案企业负责人王喆被刑拘', 'http://www.example-dandong-news.cn/2026-11/30/c_1130451.htm',
     '丹东海关近日查获一起走私朝鲜海产品案件，涉案企业负责人王喆已被依法刑事拘留。', 'Mon, 30 Nov 2026 11:02:00 +0800'),
    ('辽宁丹东：中朝边境互市贸易区恢复运营', 'http://www.example-dandong-news.cn/2026-11/29/c_1130398.htm',
     '位于丹东的中朝边民互市贸易区29日恢复运营，首批商品通关。', 'Sun, 29 Nov 2026 16:45:00 +0800'),
]
JAPANESE = [
    ('北朝鮮への石炭密輸か　中国・丹東の貿易会社を捜査', 'https://www3.nhk.or.jp/news/html/20261130/k10014651231000.html',
     '国連安全保障理事会の制裁に違反して北朝鮮産の石炭を密輸した疑いで、中国当局が丹東の貿易会社を捜査していることが分かりました。',
     'Mon, 30 Nov 2026 09:30:00 +0900'),
    ('北朝鮮の瀬取り　新義州沖で確認と防衛省', 'https://www3.nhk.or.jp/news/html/20261129/k10014650871000.html',
     '防衛省は、北朝鮮籍のタンカーが洋上で物資を積み替える「瀬取り」を新義州沖で確認したと発表しました。',
     'Sun, 29 Nov 2026 18:00:00 +0900'),
]
JAPANESE_EUCJP = [
    ('北朝鮮産石炭、新義州から瀋陽経由で密輸か　国連制裁委が調査', 'https://www.asahi.com/articles/ASTCZ3T2KTCZUHBI00A.html',
     '国連安保理の北朝鮮制裁委員会の専門家パネルは、北朝鮮産の石炭が新義州から中国の瀋陽を経由して密輸された疑いがあるとして調査を始めた。',
     'Mon, 30 Nov 2026 07:45:00 +0900'),
    ('丹東の北朝鮮レストラン、従業員が帰国せず', 'https://www.asahi.com/articles/ASTCY5R7MTCYUHBI01B.html',
     '中国遼寧省丹東の北朝鮮レストランで働く従業員が、制裁決議の期限後も帰国していないことが分かった。',
     'Sun, 29 Nov 2026 21:10:00 +0900'),
]

FILES = [
    # file, codec, declared label (None = no XML declaration), channel, link, items
    ('yonhap_ko.euc-kr.xml', 'euc_kr', 'euc-kr', '연합뉴스 북한', 'https://www.yna.co.kr/nk/index', KOREAN),
    ('yonhap_ko_undeclared.euc-kr.xml', 'euc_kr', None, '연합뉴스 북한', 'https://www.yna.co.kr/nk/index', KOREAN),
    ('yonhap_ko_undeclared.utf-8.xml', 'utf_8', None, '연합뉴스 북한', 'https://www.yna.co.kr/nk/index', KOREAN),
    ('cna_zh-hant.big5.xml', 'big5', 'big5', '中央社 兩岸', 'https://www.cna.com.tw/list/acn.aspx', CHINESE_HANT),
    ('dandong_zh-hans.gb2312.xml', 'gb18030', 'gb2312', '丹东新闻', 'http://www.example-dandong-news.cn/', CHINESE_HANS_GBK),
    ('nhk_ja.shift_jis.xml', 'shift_jis', 'Shift_JIS', 'NHKニュース 国際', 'https://www3.nhk.or.jp/news/cat06.html', JAPANESE),
    ('asahi_ja.euc-jp.xml', 'euc_jp', 'EUC-JP', '朝日新聞 国際', 'https://www.asahi.com/international/', JAPANESE_EUCJP),
]

if __name__ == '__main__':
    for name, codec, declared, channel, link, items in FILES:
        with open(name, 'wb') as f:
            f.write(rss(declared, channel, link, items).encode(codec))
    # The GB2312 label is a lie the tests rely on: 喆 is outside GB2312, so only a GB18030 reading is correct.
    try:
        '喆'.encode('gb2312')
        raise SystemExit('expected 喆 to be outside GB2312')
    except UnicodeEncodeError:
        pass
