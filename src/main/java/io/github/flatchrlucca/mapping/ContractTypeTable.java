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

    // ids of at most 9 digits always fit in an int
    private static final IdTableSyntax SYNTAX = new IdTableSyntax(
            "contract type table", ",", Pattern.compile("(\\d{1,9})\\s*:\\s*(\\d{1,9})"), "flatchrId:luccaTypeId");

    private final Map<String, Integer> luccaTypeByFlatchrId;

    private ContractTypeTable(Map<String, Integer> luccaTypeByFlatchrId) {
        this.luccaTypeByFlatchrId = Map.copyOf(luccaTypeByFlatchrId);
    }

    /** Blank text gives an empty table; a malformed or repeated item throws IllegalArgumentException naming it. */
    public static ContractTypeTable parse(String text) {
        return new ContractTypeTable(SYNTAX.parse(text, UnaryOperator.identity()));
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
