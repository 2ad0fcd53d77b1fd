import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Applies infra/kafka/access.conf to a broker, as its administrator: creates the topics that are
 * missing, sets the configs access.conf gives a topic on the topics that already exist (a retention
 * shortened applies to the records already there), and grants each service its rights. A value may
 * be {@code ${NAME:-default}}: the environment's {@code NAME}, else the default (the retention
 * settings, docs/retention.md). Run from source by ./saisine (the broker's own libraries on the
 * class path), and by the end-to-end tests, which give the topics names of their own with
 * {@code --rename}. Applying it twice changes nothing.
 *
 * <pre>java -cp 'kafka/lib/*' KafkaAccess.java --bootstrap HOST:PORT --config admin.properties
 *      [--rename complaint-events=complaint-events-1a2b3c4d ...] access.conf</pre>
 */
public class KafkaAccess {

    record Topic(String name, int partitions, Map<String, String> configs) {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = null;
        Path config = null;
        Path file = null;
        Map<String, String> renames = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bootstrap" -> bootstrap = args[++i];
                case "--config" -> config = Path.of(args[++i]);
                case "--rename" -> {
                    String[] pair = args[++i].split("=", 2);
                    renames.put(pair[0], pair[1]);
                }
                default -> file = Path.of(args[i]);
            }
        }
        if (bootstrap == null || file == null) {
            System.err.println("usage: KafkaAccess --bootstrap HOST:PORT [--config admin.properties] [--rename a=b ...] access.conf");
            System.exit(2);
        }
        List<Topic> topics = new ArrayList<>();
        List<AclBinding> grants = new ArrayList<>();
        read(file, renames, topics, grants);

        Properties client = new Properties();
        if (config != null) {
            try (Reader reader = Files.newBufferedReader(config)) {
                client.load(reader);
            }
        }
        client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(client)) {
            int created = 0;
            Map<ConfigResource, Collection<AlterConfigOp>> existing = new LinkedHashMap<>();
            for (Topic topic : topics) {
                NewTopic wanted = new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(topic.configs());
                try {
                    admin.createTopics(List.of(wanted)).all().get();
                    created++;
                }
                catch (ExecutionException ex) {
                    if (!(ex.getCause() instanceof TopicExistsException)) {
                        throw ex;
                    }
                    if (!topic.configs().isEmpty()) {
                        existing.put(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()), topic.configs().entrySet()
                                .stream().map(setting -> new AlterConfigOp(new ConfigEntry(setting.getKey(), setting.getValue()),
                                        AlterConfigOp.OpType.SET)).toList());
                    }
                }
            }
            // setting a config to the value it has is a no-op for the broker
            admin.incrementalAlterConfigs(existing).all().get();
            // creating a binding that exists is a no-op for the broker
            admin.createAcls(grants).all().get();
            System.out.printf("Kafka access applied: %d topics (%d created, configs set on %d others), %d grants%n",
                    topics.size(), created, existing.size(), grants.size());
        }
    }

    private static void read(Path file, Map<String, String> renames, List<Topic> topics, List<AclBinding> grants)
            throws IOException {
        int number = 0;
        for (String line : Files.readAllLines(file)) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] words = text.split("\\s+");
            switch (words[0]) {
                case "topic" -> {
                    Map<String, String> configs = new LinkedHashMap<>();
                    int partitions = 1;
                    for (int i = 2; i < words.length; i++) {
                        String[] pair = words[i].split("=", 2);
                        if (pair[0].equals("partitions")) {
                            partitions = Integer.parseInt(pair[1]);
                        }
                        else {
                            configs.put(pair[0], expanded(pair[1], file, number));
                        }
                    }
                    topics.add(new Topic(renamed(words[1], renames), partitions, configs));
                }
                case "allow" -> {
                    if (words.length != 5) {
                        throw new IllegalArgumentException(file + ":" + number + ": allow PRINCIPAL OPERATIONS topic|group NAME");
                    }
                    ResourceType type = ResourceType.fromString(words[3].toUpperCase());
                    String name = type == ResourceType.TOPIC ? renamed(words[4], renames) : words[4];
                    for (String word : words[2].split(",")) {
                        AclOperation operation = AclOperation.fromString(word);
                        if (operation == AclOperation.UNKNOWN || type == ResourceType.UNKNOWN) {
                            throw new IllegalArgumentException(file + ":" + number + ": unknown operation or resource: " + text);
                        }
                        grants.add(new AclBinding(new ResourcePattern(type, name, PatternType.LITERAL),
                                new AccessControlEntry("User:" + words[1], "*", operation,
                                        AclPermissionType.ALLOW)));
                    }
                }
                default -> throw new IllegalArgumentException(file + ":" + number + ": unknown line: " + text);
            }
        }
    }

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+):-([^}]*)}");

    /** {@code ${NAME:-default}}, as a shell writes it: the environment's NAME when set and not empty. */
    static String expanded(String value, Path file, int number) {
        Matcher variable = VARIABLE.matcher(value);
        StringBuilder result = new StringBuilder();
        while (variable.find()) {
            String set = System.getenv(variable.group(1));
            variable.appendReplacement(result, Matcher.quoteReplacement(set == null || set.isBlank()
                    ? variable.group(2) : set.strip()));
        }
        variable.appendTail(result);
        if (result.indexOf("${") >= 0) {
            throw new IllegalArgumentException(file + ":" + number + ": write a variable ${NAME:-default}: " + value);
        }
        return result.toString();
    }

    private static String renamed(String topic, Map<String, String> renames) {
        return renames.getOrDefault(topic, topic);
    }
}
