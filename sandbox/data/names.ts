// Name, place and company pools. Entries written "native|latin" carry a Latin
// transliteration, used where only ASCII fits (e-mail addresses, PDF text).

export interface CountryDef {
  code: string;
  name: string;
  weight: number;
  dial: string;
  first: string[];
  last: string[];
  /** "city|latin;state;zip" */
  cities: string[];
  streets: string[];
  companySuffix: string;
  companyWords: string[];
}

export const COUNTRIES: CountryDef[] = [
  {
    code: "US", name: "United States", weight: 14, dial: "+1",
    first: ["James", "Mary", "Emily", "Michael", "Jamal", "Sofía", "Chloe", "DeShawn"],
    last: ["Smith", "Johnson", "O'Brien", "García", "Nguyen", "Washington", "Kowalczyk"],
    cities: ["New York;NY;10001", "Austin;TX;73301", "Seattle;WA;98101", "Chicago;IL;60601"],
    streets: ["Main Street", "Oak Avenue", "Maple Drive", "5th Avenue"],
    companySuffix: "Inc.", companyWords: ["Holdings", "Logistics", "Capital", "Labs"],
  },
  {
    code: "CA", name: "Canada", weight: 5, dial: "+1",
    first: ["Émilie", "Olivier", "Liam", "Chloé", "Noémie", "Gabriel"],
    last: ["Tremblay", "Gagnon", "Côté", "Roy", "Bouchard", "MacDonald"],
    cities: ["Montréal|Montreal;QC;H2X 1Y4", "Toronto;ON;M5V 2T6", "Québec|Quebec;QC;G1R 4P5"],
    streets: ["rue Sainte-Catherine", "Queen Street West", "boulevard René-Lévesque"],
    companySuffix: "Ltd.", companyWords: ["Services", "Technologies", "Trading"],
  },
  {
    code: "GB", name: "United Kingdom", weight: 9, dial: "+44",
    first: ["Oliver", "Amelia", "Siobhán", "Rhys", "Aoife", "Harry"],
    last: ["Smith", "Jones", "Davies", "Patel", "Ó Ceallaigh", "Llewellyn"],
    cities: ["London;;EC1A 1BB", "Manchester;;M1 1AE", "Cardiff;;CF10 1EP"],
    streets: ["High Street", "Station Road", "Church Lane"],
    companySuffix: "Ltd", companyWords: ["Consulting", "Ventures", "Partners"],
  },
  {
    code: "DE", name: "Germany", weight: 9, dial: "+49",
    first: ["Jürgen", "Zoë", "Lukas", "Anna", "Björn", "Käthe", "Jörg"],
    last: ["Müller", "Schäfer", "Weiß", "Groß", "Köhler", "Schröder"],
    cities: ["Berlin;BE;10115", "München|Muenchen;BY;80331", "Köln|Koeln;NW;50667"],
    streets: ["Hauptstraße", "Schloßallee", "Bahnhofstraße"],
    companySuffix: "GmbH", companyWords: ["Logistik", "Handel", "Maschinenbau"],
  },
  {
    code: "DK", name: "Denmark", weight: 3, dial: "+45",
    first: ["Søren", "Mette", "Anders", "Sørine", "Ærling"],
    last: ["Jørgensen", "Sørensen", "Nielsen", "Hansen", "Kierkegaard"],
    cities: ["København|Koebenhavn;;1050", "Aarhus;;8000", "Odense;;5000"],
    streets: ["Nørrebrogade", "Østergade", "Strøget"],
    companySuffix: "ApS", companyWords: ["Design", "Energi", "Shipping"],
  },
  {
    code: "SE", name: "Sweden", weight: 3, dial: "+46",
    first: ["Åsa", "Björn", "Linnéa", "Örjan", "Märta"],
    last: ["Öberg", "Lindström", "Åkesson", "Bergqvist", "Ström"],
    cities: ["Stockholm;;111 22", "Göteborg|Goteborg;;411 01", "Malmö|Malmo;;211 18"],
    streets: ["Drottninggatan", "Kungsgatan", "Sveavägen"],
    companySuffix: "AB", companyWords: ["Teknik", "Bygg", "Handel"],
  },
  {
    code: "PL", name: "Poland", weight: 5, dial: "+48",
    first: ["Łukasz", "Małgorzata", "Zofia", "Paweł", "Wojciech", "Agnieszka"],
    last: ["Wójcik", "Kowalski", "Łukasiewicz", "Żak", "Szczepańska", "Dąbrowski"],
    cities: ["Warszawa;MZ;00-001", "Kraków|Krakow;MA;30-001", "Łódź|Lodz;LD;90-001", "Gdańsk|Gdansk;PM;80-001"],
    streets: ["ulica Marszałkowska", "ulica Długa", "aleja Róż"],
    companySuffix: "Sp. z o.o.", companyWords: ["Budownictwo", "Transport", "Handel"],
  },
  {
    code: "ES", name: "Spain", weight: 5, dial: "+34",
    first: ["José", "María", "Íñigo", "Begoña", "Adrián", "Lucía"],
    last: ["García", "Fernández", "Muñoz", "Peña", "Ibáñez", "Núñez"],
    cities: ["Madrid;M;28001", "Barcelona;B;08001", "Sevilla;SE;41001"],
    streets: ["Calle Mayor", "Avenida de la Constitución", "Calle de Alcalá"],
    companySuffix: "S.L.", companyWords: ["Inversiones", "Servicios", "Comercial"],
  },
  {
    code: "FR", name: "France", weight: 6, dial: "+33",
    first: ["Zoë", "Hélène", "François", "Loïc", "Cécile", "Anaïs"],
    last: ["Lefèvre", "Dubois", "Moreau", "Bénard", "Gauthier", "Leroy"],
    cities: ["Paris;;75001", "Lyon;;69001", "Besançon|Besancon;;25000"],
    streets: ["rue de Rivoli", "avenue des Champs-Élysées", "rue Sainte-Anne"],
    companySuffix: "SAS", companyWords: ["Conseil", "Distribution", "Industries"],
  },
  {
    code: "BR", name: "Brazil", weight: 4, dial: "+55",
    first: ["João", "Conceição", "Thiago", "Luíza", "Antônio"],
    last: ["Gonçalves", "Araújo", "Magalhães", "Simões", "Conceição"],
    cities: ["São Paulo|Sao Paulo;SP;01000-000", "Rio de Janeiro;RJ;20000-000", "Brasília|Brasilia;DF;70000-000"],
    streets: ["Rua Augusta", "Avenida Paulista", "Rua das Flores"],
    companySuffix: "Ltda.", companyWords: ["Comércio", "Serviços", "Participações"],
  },
  {
    code: "MX", name: "Mexico", weight: 3, dial: "+52",
    first: ["Guadalupe", "Andrés", "Ximena", "José Luis", "Itzel"],
    last: ["Hernández", "Martínez", "López", "Núñez", "Gutiérrez"],
    cities: ["Ciudad de México|Ciudad de Mexico;CMX;06000", "Guadalajara;JAL;44100", "Monterrey;NLE;64000"],
    streets: ["Avenida Reforma", "Calle Madero", "Avenida Juárez"],
    companySuffix: "S.A. de C.V.", companyWords: ["Grupo", "Servicios", "Importaciones"],
  },
  {
    code: "VN", name: "Viet Nam", weight: 3, dial: "+84",
    first: ["An|An", "Minh Anh|Minh Anh", "Thị Hương|Thi Huong", "Đức|Duc", "Quốc Bảo|Quoc Bao"],
    last: ["Nguyễn|Nguyen", "Trần|Tran", "Lê|Le", "Phạm|Pham", "Đặng|Dang"],
    cities: ["Hà Nội|Ha Noi;;100000", "Thành phố Hồ Chí Minh|Ho Chi Minh City;;700000", "Đà Nẵng|Da Nang;;550000"],
    streets: ["Phố Huế", "Đường Lê Lợi", "Phố Hàng Bạc"],
    companySuffix: "JSC", companyWords: ["Thương mại", "Xây dựng", "Công nghệ"],
  },
  {
    code: "JP", name: "Japan", weight: 4, dial: "+81",
    first: ["太郎|Taro", "花子|Hanako", "翔|Sho", "陽菜|Hina", "健一|Kenichi"],
    last: ["山田|Yamada", "佐藤|Sato", "鈴木|Suzuki", "高橋|Takahashi", "田中|Tanaka"],
    cities: ["東京都|Tokyo;;100-0001", "大阪市|Osaka;;530-0001", "京都市|Kyoto;;600-8001"],
    streets: ["千代田1-1", "梅田2-4-9", "銀座4-6-16"],
    companySuffix: "K.K.", companyWords: ["商事", "工業", "電機"],
  },
  {
    code: "CN", name: "China", weight: 3, dial: "+86",
    first: ["伟|Wei", "芳|Fang", "静|Jing", "磊|Lei", "秀英|Xiuying"],
    last: ["王|Wang", "李|Li", "张|Zhang", "刘|Liu", "陈|Chen"],
    cities: ["北京|Beijing;;100000", "上海|Shanghai;;200000", "深圳|Shenzhen;;518000"],
    streets: ["长安街1号", "南京路88号", "深南大道100号"],
    companySuffix: "Co., Ltd.", companyWords: ["科技", "贸易", "实业"],
  },
  {
    code: "GR", name: "Greece", weight: 2, dial: "+30",
    first: ["Γιώργος|Giorgos", "Ελένη|Eleni", "Δημήτρης|Dimitris", "Μαρία|Maria"],
    last: ["Παπαδόπουλος|Papadopoulos", "Οικονόμου|Oikonomou", "Νικολάου|Nikolaou"],
    cities: ["Αθήνα|Athina;;105 57", "Θεσσαλονίκη|Thessaloniki;;546 24"],
    streets: ["Οδός Ερμού", "Λεωφόρος Συγγρού"],
    companySuffix: "A.E.", companyWords: ["Ναυτιλιακή", "Εμπορική"],
  },
  {
    code: "UA", name: "Ukraine", weight: 2, dial: "+380",
    first: ["Олександр|Oleksandr", "Оксана|Oksana", "Андрій|Andrii", "Ірина|Iryna"],
    last: ["Шевченко|Shevchenko", "Коваленко|Kovalenko", "Бондаренко|Bondarenko"],
    cities: ["Київ|Kyiv;;01001", "Львів|Lviv;;79000"],
    streets: ["вулиця Хрещатик", "проспект Свободи"],
    companySuffix: "TOV", companyWords: ["Агро", "Технології"],
  },
  {
    code: "TR", name: "Türkiye", weight: 3, dial: "+90",
    first: ["Çağla", "Ömer", "Şule", "İbrahim", "Gülşen"],
    last: ["Yılmaz", "Öztürk", "Şahin", "Çelik", "Aydın"],
    cities: ["İstanbul|Istanbul;;34000", "Ankara;;06000", "İzmir|Izmir;;35000"],
    streets: ["İstiklal Caddesi", "Atatürk Bulvarı"],
    companySuffix: "A.Ş.", companyWords: ["Tekstil", "İnşaat", "Gıda"],
  },
  {
    code: "IS", name: "Iceland", weight: 1, dial: "+354",
    first: ["Þórður", "Guðrún", "Ásdís", "Sigríður"],
    last: ["Sigurðsson", "Jónsdóttir", "Þórsdóttir"],
    cities: ["Reykjavík|Reykjavik;;101", "Akureyri;;600"],
    streets: ["Laugavegur", "Skólavörðustígur"],
    companySuffix: "ehf.", companyWords: ["Fiskur", "Orka"],
  },
  {
    code: "NG", name: "Nigeria", weight: 3, dial: "+234",
    first: ["Chukwuemeka", "Ngozi", "Adébáyọ̀|Adebayo", "Oluwaseun", "Chiamaka"],
    last: ["Okafor", "Adeyemi", "Obi", "Ògúnlèyé|Ogunleye"],
    cities: ["Lagos;LA;100001", "Abuja;FC;900001"],
    streets: ["Awolowo Road", "Ahmadu Bello Way"],
    companySuffix: "Ltd", companyWords: ["Energy", "Foods", "Fintech"],
  },
  {
    code: "IN", name: "India", weight: 5, dial: "+91",
    first: ["Aarav", "Priya", "Saanvi", "Arjun", "Ishaan"],
    last: ["Sharma", "Patel", "Iyer", "Reddy", "Banerjee"],
    cities: ["Mumbai;MH;400001", "Bengaluru;KA;560001", "New Delhi;DL;110001"],
    streets: ["MG Road", "Linking Road", "Brigade Road"],
    companySuffix: "Pvt. Ltd.", companyWords: ["Infotech", "Exports", "Pharma"],
  },
  {
    code: "AE", name: "United Arab Emirates", weight: 2, dial: "+971",
    first: ["محمد|Mohammed", "فاطمة|Fatima", "أحمد|Ahmed", "مريم|Maryam"],
    last: ["المنصوري|Al Mansouri", "الهاشمي|Al Hashimi", "الكعبي|Al Kaabi"],
    cities: ["دبي|Dubai;DU;00000", "أبوظبي|Abu Dhabi;AZ;00000"],
    streets: ["شارع الشيخ زايد", "شارع الكورنيش"],
    companySuffix: "LLC", companyWords: ["Trading", "Investments"],
  },
];

export const COUNTRY_CODES = COUNTRIES.map((c) => c.code);

export function countryByCode(code: string): CountryDef | undefined {
  return COUNTRIES.find((c) => c.code === code);
}

/** "native|latin" → [native, latin]. */
export function splitName(entry: string): [string, string] {
  const [native, latin] = entry.split("|");
  return [native ?? entry, latin ?? native ?? entry];
}

const SPECIAL: Record<string, string> = {
  ł: "l", Ł: "L", ø: "o", Ø: "O", ß: "ss", æ: "ae", Æ: "AE", đ: "d", Đ: "D",
  þ: "th", Þ: "Th", ð: "d", Ð: "D", ı: "i", œ: "oe", Œ: "OE",
};

const asciiCache = new Map<string, string>();

/** ASCII folding for places that cannot carry Unicode; unknown scripts become "?". */
export function toAscii(text: string): string {
  const hit = asciiCache.get(text);
  if (hit !== undefined) return hit;
  const folded = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x00-\x7f]/g, (ch) => SPECIAL[ch] ?? "?");
  // Name pools are small, so memoising keeps bulk scans (TrustX search) cheap.
  if (asciiCache.size < 10_000) asciiCache.set(text, folded);
  return folded;
}
