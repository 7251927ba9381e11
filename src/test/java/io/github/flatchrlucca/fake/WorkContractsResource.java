package io.github.flatchrlucca.fake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code /directory/api/4.0/work-contracts}: where the contract type and start date are set, and a rehire's made. */
final class WorkContractsResource {

    private static final String OWNER_FILTER = "ownerId[]";

    private final Directory directory;

    WorkContractsResource(Directory directory) {
        this.directory = directory;
    }

    /** {@code ownerId[]} may repeat; without it every contract is listed. */
    Reply list(Call call) {
        Set<Integer> owners = call.query().all(OWNER_FILTER).stream()
                .map(value -> Query.parseInt(OWNER_FILTER, value))
                .collect(Collectors.toSet());
        List<WorkContract> items = directory.contracts().stream()
                .filter(contract -> owners.isEmpty() || owners.contains(contract.ownerId()))
                .toList();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", items);
        json.put("count", items.size());
        return Reply.ok(json);
    }

    /** A new contract for an existing person: 201 with the contract, or Lucca's 400 (no such person, an overlap). */
    Reply create(Call call) {
        WorkContract created = directory.addContract(ContractPatch.readNew(call.body()).newContract());
        Reply ok = Reply.ok(created);
        return new Reply(201, ok.body(), ok.headers());
    }

    Reply patch(Call call, int id) {
        ContractPatch patch = ContractPatch.read(call.body());
        return directory.changeContract(id, patch::applyTo)
                .map(Reply::ok)
                .orElseThrow(() -> LuccaError.notFound("no work contract " + id));
    }
}
