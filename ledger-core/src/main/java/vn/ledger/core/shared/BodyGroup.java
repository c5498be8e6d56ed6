package vn.ledger.core.shared;

/**
 * A group of bodies named as officials write it in a distribution list or an assignment ("Các tỉnh ủy, thành
 * ủy", "các bộ, cơ quan ngang bộ", "các chi, đảng bộ trực thuộc"). Kept as written; its members are worked out
 * by the group package's BodyGroups as of a date, because who belongs to "every province" changes with mergers.
 *
 * @param kind    which bodies the wording means
 * @param of      the body code for {@link Kind#DIRECTLY_UNDER}, the list's id for {@link Kind#NAMED}; null for the
 *                others
 * @param wording the group as written in the document
 */
public record BodyGroup(Kind kind, String of, String wording) {

    public enum Kind {
        /** Every body of level PROVINCE (the provincial and city committees). */
        ALL_PROVINCES,
        /** Every body of level MINISTRY (ministries and ministry-level agencies). */
        ALL_MINISTRIES,
        /** The bodies whose parent is {@code of} ("các chi, đảng bộ trực thuộc"). */
        DIRECTLY_UNDER,
        /** A list configured by the application under the id {@code of}. */
        NAMED
    }

    public static BodyGroup allProvinces(String wording) {
        return new BodyGroup(Kind.ALL_PROVINCES, null, wording);
    }

    public static BodyGroup allMinistries(String wording) {
        return new BodyGroup(Kind.ALL_MINISTRIES, null, wording);
    }

    public static BodyGroup directlyUnder(String bodyCode, String wording) {
        return new BodyGroup(Kind.DIRECTLY_UNDER, bodyCode, wording);
    }

    public static BodyGroup named(String listId, String wording) {
        return new BodyGroup(Kind.NAMED, listId, wording);
    }
}
