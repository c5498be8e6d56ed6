package vn.ledger.bench.cascade;

import java.util.List;
import java.util.SplittableRandom;

/** Vietnamese names for the generated cascade: the 34 provinces of 2025, communes, people. Deterministic. */
final class Names {

    private Names() {
    }

    /** The 34 provincial-level units since 1 July 2025: code suffix, name, city (thành phố) or province (tỉnh). */
    record Province(String slug, String name, boolean city) {
        String committee() {
            return (city ? "Thành ủy " : "Tỉnh ủy ") + name;
        }
    }

    static final List<Province> PROVINCES = List.of(
            new Province("HANOI", "Hà Nội", true), new Province("HUE", "Huế", true),
            new Province("LAICHAU", "Lai Châu", false), new Province("DIENBIEN", "Điện Biên", false),
            new Province("SONLA", "Sơn La", false), new Province("LANGSON", "Lạng Sơn", false),
            new Province("QUANGNINH", "Quảng Ninh", false), new Province("THANHHOA", "Thanh Hóa", false),
            new Province("NGHEAN", "Nghệ An", false), new Province("HATINH", "Hà Tĩnh", false),
            new Province("CAOBANG", "Cao Bằng", false), new Province("TUYENQUANG", "Tuyên Quang", false),
            new Province("LAOCAI", "Lào Cai", false), new Province("THAINGUYEN", "Thái Nguyên", false),
            new Province("PHUTHO", "Phú Thọ", false), new Province("BACNINH", "Bắc Ninh", false),
            new Province("HUNGYEN", "Hưng Yên", false), new Province("HAIPHONG", "Hải Phòng", true),
            new Province("NINHBINH", "Ninh Bình", false), new Province("QUANGTRI", "Quảng Trị", false),
            new Province("DANANG", "Đà Nẵng", true), new Province("QUANGNGAI", "Quảng Ngãi", false),
            new Province("GIALAI", "Gia Lai", false), new Province("KHANHHOA", "Khánh Hòa", false),
            new Province("LAMDONG", "Lâm Đồng", false), new Province("DAKLAK", "Đắk Lắk", false),
            new Province("HCM", "Hồ Chí Minh", true), new Province("DONGNAI", "Đồng Nai", false),
            new Province("TAYNINH", "Tây Ninh", false), new Province("CANTHO", "Cần Thơ", true),
            new Province("VINHLONG", "Vĩnh Long", false), new Province("DONGTHAP", "Đồng Tháp", false),
            new Province("CAMAU", "Cà Mau", false), new Province("ANGIANG", "An Giang", false));

    private static final String[] SURNAMES = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
            "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Hạng", "Lò", "Quàng", "Giàng", "Đinh", "Mai"};
    private static final String[] MIDDLE_M = {"Văn", "Đức", "Minh", "Thanh", "Xuân", "Hữu", "Quốc", "Ngọc", "Thành",
            "Công", "Trọng"};
    private static final String[] MIDDLE_F = {"Thị", "Thu", "Ngọc", "Thanh", "Minh", "Kim", "Hồng"};
    private static final String[] GIVEN_M = {"An", "Bình", "Cường", "Dũng", "Đô", "Giang", "Hải", "Hòa", "Hùng",
            "Khánh", "Long", "Minh", "Nam", "Phong", "Phúc", "Quang", "Sơn", "Tâm", "Thắng", "Trung", "Tuấn", "Việt",
            "Lâm", "Thịnh", "Tùng", "Hiếu", "Toàn", "Kiên"};
    private static final String[] GIVEN_F = {"Hà", "Hạnh", "Hương", "Lan", "Linh", "Mai", "Nga", "Thảo", "Trang",
            "Vân", "Yến", "Huyền", "Loan", "Phương", "Hoa", "Dung"};
    private static final String[] SYLLABLES = {"An", "Bình", "Hòa", "Phú", "Tân", "Thạnh", "Long", "Mỹ", "Xuân",
            "Đông", "Tây", "Nam", "Bắc", "Sơn", "Hưng", "Thuận", "Phước", "Lộc", "Thịnh", "Vĩnh", "Quang", "Trung",
            "Hải", "Thủy", "Lâm", "Hà", "Kim", "Ngọc", "Thanh", "Đức", "Minh", "Hồng", "Cẩm", "Gia", "Yên", "Mường",
            "Nậm", "Na", "Tam", "Châu", "Lạc", "Khánh", "Hiệp", "Phong", "Điền", "Đạo", "Tiến", "Nghĩa"};

    static String person(SplittableRandom r) {
        boolean female = r.nextInt(3) == 0;
        return pick(r, SURNAMES) + " " + (female ? pick(r, MIDDLE_F) : pick(r, MIDDLE_M)) + " "
                + (female ? pick(r, GIVEN_F) : pick(r, GIVEN_M));
    }

    /** "xã Tân Phú" or "phường Hòa Bình" (cities have more wards). */
    static String commune(SplittableRandom r, boolean city) {
        String a = pick(r, SYLLABLES);
        String b;
        do {
            b = pick(r, SYLLABLES);
        } while (b.equals(a));
        boolean ward = r.nextInt(100) < (city ? 55 : 12);
        return (ward ? "phường " : "xã ") + a + " " + b;
    }

    static String pick(SplittableRandom r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    static <T> T pick(SplittableRandom r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }
}
