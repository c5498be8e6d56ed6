package vn.ledger.api.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A fresh instance started without the demo profile and without configured users: no credential gets in, the demo's
 * included, and the log says how to add a user. (The address lock is set high so that every attempt below is
 * answered on its credentials, not throttled.)
 */
@SpringBootTest(properties = {"ledger.embedded.in-memory=true", "ledger.login.max-failures-per-address=1000"})
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class NoDefaultCredentialsTest {

    @Autowired
    MockMvc mvc;

    @Test
    void noDemoUserNorAnyUsualDefaultSignsIn(CapturedOutput startUp) throws Exception {
        Map<String, String> credentials = new LinkedHashMap<>(demoUsers());
        assertThat(credentials).containsEntry("admin", "admin").containsEntry("inspector", "inspector")
                .hasSizeGreaterThan(20);
        credentials.putAll(Map.of("admin", "admin", "root", "root", "user", "password", "ledger", "ledger"));

        for (Map.Entry<String, String> c : credentials.entrySet()) {
            assertRefused(c.getKey(), c.getValue(), "/api/audit");
        }
        for (String path : new String[]{"/api/admin/read-models", "/ui/", "/api/bodies/VPTW/history"}) {
            assertRefused("admin", "admin", path);
        }
        assertThat(startUp.getAll()).contains("No users are configured (ledger.users is empty)")
                .contains("--spring.profiles.active=demo");
    }

    private void assertRefused(String user, String password, String path) throws Exception {
        MvcResult r = mvc.perform(get(path).with(httpBasic(user, password))).andReturn();
        assertThat(r.getResponse().getStatus()).as("%s:%s on %s", user, password, path).isEqualTo(401);
        assertThat(r.getResponse().getContentType()).startsWith("application/problem+json");
    }

    /** Every user and password of the demo profile, as application-demo.yml lists them. */
    private static Map<String, String> demoUsers() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application-demo.yml"));
        Properties demo = yaml.getObject();
        Map<String, String> users = new LinkedHashMap<>();
        for (int i = 0; demo.containsKey("ledger.users[" + i + "].username"); i++) {
            users.put(demo.getProperty("ledger.users[" + i + "].username"),
                    demo.getProperty("ledger.users[" + i + "].password").replace("{noop}", ""));
        }
        return users;
    }
}
