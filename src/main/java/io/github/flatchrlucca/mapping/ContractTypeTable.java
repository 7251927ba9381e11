package io.github.flatchrlucca.mapping;

import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Which Lucca work-contract template stands for which Flatchr contract type. Lucca has no API that
 * lists its templates, so the customer writes the table: "1:21,2:22".
 */
public final class ContractTypeTable {

    /*
     * Flatchr's id as the webhook's integer reads ("1"): from 1, without a leading zero, which no key could then match
     * ("01" would never map a hire, nor be seen to repeat "1"); at most 9 digits, which always fit in an int.
     */
    private static final String FLATCHR_ID_DIGITS = "[1-9]\\d{0,8}";
    private static final IdTableSyntax SYNTAX = new IdTableSyntax("contract type table", ",",
            Pattern.compile("(" + FLATCHR_ID_DIGITS + ")\\s*:\\s*([1-9]\\d{0,8})"), "flatchrId:luccaTypeId");
    private static final Pattern FLATCHR_ID = Pattern.compile("\\s*" + FLATCHR_ID_DIGITS + "\\s*");

    private final Map<String, Integer> luccaTypeByFlatchrId;

    private ContractTypeTable(Map<String, Integer> luccaTypeByFlatchrId) {
        this.luccaTypeByFlatchrId = Map.copyOf(luccaTypeByFlatchrId);
    }

    /** Blank text gives an empty table; a malformed or repeated item throws IllegalArgumentException naming it. */
    public static ContractTypeTable parse(String text) {
        return new ContractTypeTable(SYNTAX.parse(text, UnaryOperator.identity()));
    }

    /**
     * The table given as Flatchr id -> Lucca type id pairs (a YAML mapping): ids as in {@link #parse},
     * each key once, Lucca ids greater than zero.
     */
    public static ContractTypeTable of(Map<String, Integer> luccaTypeByFlatchrId) {
        for (String flatchrId : luccaTypeByFlatchrId.keySet()) {
            if (flatchrId == null || !FLATCHR_ID.matcher(flatchrId).matches()) {
                throw new IllegalArgumentException(
                        "contract type table: key \"" + flatchrId + "\" is not a Flatchr contract type id (a number from "
                                + "1, without leading zeros)");
            }
        }
        return new ContractTypeTable(SYNTAX.fromPairs(luccaTypeByFlatchrId, UnaryOperator.identity()));
    }

    public Optional<Integer> luccaTypeFor(String flatchrContractTypeId) {
        return flatchrContractTypeId == null
                ? Optional.empty()
                : Optional.ofNullable(luccaTypeByFlatchrId.get(flatchrContractTypeId.strip()));
    }

    public boolean isEmpty() {
        return luccaTypeByFlatchrId.isEmpty();
    }
}
