package io.github.flatchrlucca.lucca;

import io.github.flatchrlucca.http.ApiRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LuccaRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LuccaRequests requests = new LuccaRequests(JSON);

    @Test
    void findsThePeopleWhoseMailContainsTheAddressAmongFormerEmployeesToo() {
        ApiRequest request = requests.findPersonByMail("eloise@gmail.com");

        assertThat(request).isEqualTo(new ApiRequest("find-person-by-mail", "GET", "/api/v3/users",
                "mail=like%2Celoise%40gmail.com&formerEmployees=true"
                        + "&fields=id,login,mail,personalEmail,firstName,lastName,dtContractStart,dtContractEnd"
                        + "&paging=0,1000", null));
    }

    @Test
    void findsAPersonByTheirExactLoginAmongFormerEmployeesToo() {
        ApiRequest request = requests.findPersonByLogin("jean-marc.o'neil");

        assertThat(request).isEqualTo(new ApiRequest("find-person-by-login", "GET", "/api/v3/users",
                "login=jean-marc.o%27neil&formerEmployees=true"
                        + "&fields=id,login,mail,personalEmail,firstName,lastName,dtContractStart,dtContractEnd", null));
    }

    @Test
    void aPlusInTheMailIsEncodedSoItIsNotReadAsASpace() {
        String query = requests.findPersonByMail("a+b@x.fr").query();

        assertThat(query).startsWith("mail=like%2Ca%2Bb%40x.fr&");
    }

    @Test
    void anAmpersandInTheMailCannotAddAParameter() {
        String query = requests.findPersonByMail("a&formerEmployees=false@x.fr").query();

        assertThat(query).startsWith("mail=like%2Ca%26formerEmployees%3Dfalse%40x.fr&formerEmployees=true&");
    }

    @Test
    void takenLoginsAreSearchedWithAnEncodedLikeFilter() {
        ApiRequest request = requests.loginsLike("emuller");

        assertThat(request).isEqualTo(new ApiRequest("find-taken-logins", "GET", "/api/v3/users",
                "login=like%2Cemuller&formerEmployees=true&fields=id,login&paging=0,1000", null));
    }

    @Test
    void createsAUserFromItsFieldsAsJson() throws JsonProcessingException {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("firstName", "Éloïse");
        user.put("login", "emuller");
        user.put("departmentId", 99);

        ApiRequest request = requests.createUser(user, true);

        assertThat(request.name()).isEqualTo("create-user");
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/v3/users");
        assertThat(request.query()).isEqualTo("contract=true");
        assertThat(request.body()).isEqualTo("{\"firstName\":\"Éloïse\",\"login\":\"emuller\",\"departmentId\":99}");
        assertThat(requests.createUser(user, false).query()).isEqualTo("contract=false");
    }

    @Test
    void listsTheWorkContractsOfOneOwner() {
        ApiRequest request = requests.workContractsOf(42);

        assertThat(request).isEqualTo(new ApiRequest("find-work-contract", "GET",
                "/directory/api/4.0/work-contracts", "ownerId%5B%5D=42", null));
    }

    @Test
    void patchesTheContractTypeAndStartDay() {
        ApiRequest request = requests.patchWorkContract(7001, 21, LocalDate.of(2026, 1, 5), null, null);

        assertThat(request).isEqualTo(new ApiRequest("patch-work-contract", "PATCH",
                "/directory/api/4.0/work-contracts/7001", null, "{\"typeId\":21,\"startsOn\":\"2026-01-05\"}"));
    }

    @Test
    void aFixedTermContractGetsItsEndAndEveryContractTheApplicationsId() {
        ApiRequest request = requests.patchWorkContract(7001, 22, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 6, 30),
                "app-9");

        assertThat(request.body()).isEqualTo(
                "{\"typeId\":22,\"startsOn\":\"2026-01-05\",\"endsOn\":\"2026-06-30\",\"externalId\":\"app-9\"}");
    }

    @Test
    void aRehireIsANewContractOnTheSamePersonWithoutTheFieldsLeftUnknown() {
        ApiRequest full = requests.createWorkContract(77, 22, LocalDate.of(2027, 1, 4), LocalDate.of(2027, 6, 30), 3,
                "app-9");
        ApiRequest bare = requests.createWorkContract(77, null, LocalDate.of(2027, 1, 4), null, null, null);

        assertThat(full).isEqualTo(new ApiRequest("create-work-contract", "POST", "/directory/api/4.0/work-contracts",
                null, "{\"ownerId\":77,\"startsOn\":\"2027-01-04\",\"endsOn\":\"2027-06-30\",\"typeId\":22,"
                + "\"establishmentId\":3,\"externalId\":\"app-9\"}"));
        assertThat(bare.body()).isEqualTo("{\"ownerId\":77,\"startsOn\":\"2027-01-04\"}");
    }

    @Test
    void readsDepartmentsAHundredAPage() {
        ApiRequest request = requests.departmentsPage(3);

        assertThat(request).isEqualTo(new ApiRequest("list-departments", "GET",
                "/organization/structure/api/departments", "page=3&limit=100", null));
    }

    @Test
    void aRequestIsNamedWithoutItsData() {
        ApiRequest request = requests.findPersonByMail("eloise@gmail.com");

        assertThat(request).hasToString("find-person-by-mail");
    }
}
