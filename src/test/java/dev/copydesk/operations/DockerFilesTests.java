package dev.copydesk.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code docker/} in step with the code (files copied exist, jar name, port, health path,
 * profile and environment variables, the host-network override's ports) in a second, without an
 * engine. {@code docker/test.sh} builds the image and runs the stack for real where Docker can be
 * started (CI runs it after the Maven tests).
 */
class DockerFilesTests {

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path DOCKERFILE = ROOT.resolve("docker/Dockerfile");
    static final Path COMPOSE = ROOT.resolve("docker/compose.yaml");
    static final Path NGINX = ROOT.resolve("docker/nginx.conf");
    static final Path COMPOSE_HOST = ROOT.resolve("docker/compose.host.yaml");
    static final Path NGINX_HOST = ROOT.resolve("docker/nginx.host.conf");
    static final Path TEST_SCRIPT = ROOT.resolve("docker/test.sh");
    static final List<String> NODES = List.of("copydesk-a", "copydesk-b");

    @Test
    void dockerfileCopiesOnlyFilesThatExist() throws IOException {
        Matcher copy = Pattern.compile("(?m)^COPY\\s+(?!--from)(.+)$").matcher(read(DOCKERFILE));
        List<String> sources = new ArrayList<>();
        while (copy.find()) {
            String[] parts = copy.group(1).trim().split("\\s+");
            for (int i = 0; i < parts.length - 1; i++) {
                if (!parts[i].startsWith("--")) {
                    sources.add(parts[i]);
                }
            }
        }
        assertThat(sources).contains("pom.xml", "src", "processes", "target/" + artifactId() + "-*.jar");
        // target/ is build output (the jar built outside, JAR_FROM=jar-from-target); all else must exist
        assertThat(sources).filteredOn(source -> !source.startsWith("target/"))
                .allSatisfy(source -> assertThat(ROOT.resolve(source)).exists());
        assertThat(read(ROOT.resolve("docker/Dockerfile.dockerignore")).lines())
                .contains("!pom.xml", "!src/main", "!processes", "!target/" + artifactId() + "-*.jar");
    }

    @Test
    void baseImagesAreBuildArgumentsThatDefaultToWhatTheWorldPulls() throws IOException {
        String dockerfile = read(DOCKERFILE);
        assertThat(dockerfile).contains("ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-17")
                .contains("ARG RUNTIME_IMAGE=eclipse-temurin:17-jre")
                .contains("ARG JAR_FROM=maven-build")
                .contains("FROM ${BUILD_IMAGE} AS maven-build")
                .contains("FROM scratch AS jar-from-target")
                .contains("FROM ${JAR_FROM} AS jar");
        // no frontend image to pull: the engine's own Dockerfile syntax must do
        assertThat(dockerfile).doesNotContain("# syntax=");
    }

    @Test
    void dockerfilePackagesTheJarThePomBuilds() throws IOException {
        assertThat(read(DOCKERFILE)).contains("cp target/" + artifactId() + "-*.jar");
        assertThat(read(ROOT.resolve("pom.xml"))).contains("spring-boot-maven-plugin");
    }

    @Test
    void runtimeIsJava17JreAsANonRootUserWithAHeapSettingAndReadinessHealthCheck() throws IOException {
        String dockerfile = read(DOCKERFILE);
        String runtime = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
        assertThat(runtime).startsWith("\nFROM ${RUNTIME_IMAGE}\n");
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(runtime);
        assertThat(user.find()).isTrue();
        assertThat(user.group(1)).isNotIn("root", "0");
        assertThat(runtime).containsPattern("JAVA_OPTS=\"[^\"]*(Xmx|MaxRAMPercentage)");
        assertThat(runtime).contains("VOLUME [\"/app/data\"]");
        assertThat(runtime).contains("HEALTHCHECK")
                .contains("http://127.0.0.1:${SERVER_PORT:-" + serverPort() + "}/actuator/health/readiness");
        assertThat(runtime).contains("EXPOSE " + serverPort());
        assertThat(read(ROOT.resolve("src/main/resources/application.yaml")))
                .contains("probes:\n        enabled: true")
                .contains("readiness:\n          include: readinessState,db");
    }

    @Test
    void composeRunsTwoNodesOnThePostgresProfileBehindTheProxy() throws IOException {
        Map<String, Object> compose = new Yaml().load(read(COMPOSE));
        Map<String, Map<String, Object>> services = cast(compose.get("services"));
        assertThat(compose).as("Debian's docker-compose 1.29 refuses a top-level name").doesNotContainKey("name");
        assertThat(services).containsKeys("postgres", "proxy");
        assertThat(services).containsKeys(NODES.toArray(String[]::new));
        assertThat(String.valueOf(services.get("postgres").get("image"))).startsWith("postgres:15");

        Set<String> profileVariables = environmentVariablesOf(read(ROOT.resolve("src/main/resources/application-postgres.yaml")));
        assertThat(profileVariables).contains("COPYDESK_DB_URL", "COPYDESK_DB_USER", "COPYDESK_DB_PASSWORD");
        for (String node : NODES) {
            Map<String, Object> service = services.get(node);
            Map<String, Object> build = cast(service.get("build"));
            assertThat(ROOT.resolve("docker").resolve(String.valueOf(build.get("context")))
                    .resolve(String.valueOf(build.get("dockerfile"))).normalize()).isEqualTo(DOCKERFILE);
            Map<String, Object> environment = cast(service.get("environment"));
            String profile = String.valueOf(environment.get("SPRING_PROFILES_ACTIVE"));
            assertThat(ROOT.resolve("src/main/resources/application-" + profile + ".yaml")).exists();
            assertThat(environment).containsKeys("COPYDESK_DB_URL", "COPYDESK_DB_USER", "COPYDESK_DB_PASSWORD",
                    "COPYDESK_ADMIN_PASSWORD");
            assertThat(String.valueOf(environment.get("COPYDESK_DB_URL"))).startsWith("jdbc:postgresql://postgres:5432/");
            assertThat(profileVariables).containsAll(environment.keySet().stream()
                    .filter(name -> name.startsWith("COPYDESK_DB_")).toList());
        }
    }

    @Test
    void proxyBalancesBothNodesOnTheirPort() throws IOException {
        Map<String, Object> compose = new Yaml().load(read(COMPOSE));
        Map<String, Map<String, Object>> services = cast(compose.get("services"));
        List<String> volumes = cast(services.get("proxy").get("volumes"));
        String config = volumes.get(0).split(":")[0];
        assertThat(ROOT.resolve("docker").resolve(config).normalize()).isEqualTo(NGINX);
        String nginx = read(NGINX);
        for (String node : NODES) {
            assertThat(nginx).contains("server " + node + ":" + serverPort());
        }
        assertThat(nginx).contains("proxy_set_header X-Request-Id").contains("X-Forwarded-For");
    }

    @Test
    void hostOverridePutsEveryServiceOnTheHostNetworkOnThePortsTheProxyAndTheTestUse() throws IOException {
        Map<String, Object> baseFile = new Yaml().load(read(COMPOSE));
        Map<String, Object> hostFile = new Yaml().load(read(COMPOSE_HOST));
        Map<String, Map<String, Object>> base = cast(baseFile.get("services"));
        Map<String, Map<String, Object>> host = cast(hostFile.get("services"));
        assertThat(host.keySet()).isEqualTo(base.keySet());
        assertThat(host.values()).allSatisfy(service -> assertThat(service.get("network_mode")).isEqualTo("host"));

        String pgPort = String.valueOf(DockerFilesTests.<Map<String, Object>>cast(host.get("postgres").get("environment")).get("PGPORT"));
        String script = read(TEST_SCRIPT);
        String nginx = read(NGINX_HOST);
        assertThat(script).contains("PG_PORT=" + pgPort + " ");
        for (String node : NODES) {
            Map<String, Object> environment = cast(host.get(node).get("environment"));
            assertThat(environment.get("COPYDESK_DB_URL")).isEqualTo("jdbc:postgresql://127.0.0.1:" + pgPort + "/copydesk");
            assertThat(environment.get("SERVER_ADDRESS")).isEqualTo("127.0.0.1");
            String port = String.valueOf(environment.get("SERVER_PORT"));
            assertThat(nginx).contains("server 127.0.0.1:" + port + " ");
            assertThat(script).contains("NODE_" + node.substring(node.length() - 1).toUpperCase() + "_PORT=" + port + " ");
        }
        Matcher listen = Pattern.compile("listen 127\\.0\\.0\\.1:(\\d+);").matcher(nginx);
        assertThat(listen.find()).isTrue();
        assertThat(script).contains("PROXY_PORT=" + listen.group(1) + " ");
        List<String> volumes = cast(host.get("proxy").get("volumes"));
        assertThat(ROOT.resolve("docker").resolve(volumes.get(0).split(":")[0]).normalize()).isEqualTo(NGINX_HOST);
        // the nginx settings are the same as on a bridge network, only the addresses differ
        assertThat(nginx.substring(nginx.indexOf("map ")).replaceAll("(?m)^\\s*listen .*$", ""))
                .isEqualToIgnoringWhitespace(read(NGINX).substring(read(NGINX).indexOf("map "))
                        .replaceAll("(?m)^\\s*#.*$", "").replaceAll("(?m)^\\s*listen .*$", ""));
    }

    @Test
    void eachLocalBaseStandsInForAnImageOfTheStack() throws IOException {
        assertThat(ROOT.resolve("docker/local-bases/jre.Dockerfile")).content().contains("openjdk-17-jre-headless");
        assertThat(ROOT.resolve("docker/local-bases/postgres.Dockerfile")).content().contains("postgresql-15");
        assertThat(ROOT.resolve("docker/local-bases/nginx.Dockerfile")).content().contains("nginx");
        String script = read(TEST_SCRIPT);
        assertThat(script).contains("local_base jre").contains("local_base postgres").contains("local_base nginx")
                .contains("--network host").doesNotContain("--network bridge").doesNotContain("docker pull");
    }

    private static String artifactId() throws IOException {
        String withoutParent = read(ROOT.resolve("pom.xml")).replaceAll("(?s)<parent>.*?</parent>", "");
        Matcher artifact = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(withoutParent);
        assertThat(artifact.find()).isTrue();
        return artifact.group(1);
    }

    /** The HTTP port: Spring Boot's 8080 unless application.yaml sets another. */
    private static int serverPort() throws IOException {
        Map<String, Object> yaml = new Yaml().loadAll(read(ROOT.resolve("src/main/resources/application.yaml")))
                .iterator().next() instanceof Map<?, ?> first ? cast(first) : Map.of();
        Map<String, Object> server = cast(yaml.getOrDefault("server", Map.of()));
        Object port = server.get("port");
        return port == null ? 8080 : Integer.parseInt(port.toString());
    }

    private static Set<String> environmentVariablesOf(String yaml) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::[^}]*)?}").matcher(yaml);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String read(Path path) throws IOException {
        return Files.readString(path);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
