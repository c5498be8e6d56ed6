package vn.ledger.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

import java.nio.file.Path;

/**
 * A child process for {@link GroupCommitTest}: the persistent embedded server with eight writers that print
 * {@code ACK <id>} for each acknowledged insert and rewrite a growing document, until the parent kills the process.
 */
public final class CrashingWriters {

    private CrashingWriters() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedMongo server = EmbeddedMongo.persistent(Path.of(args[0]));
        MongoClient client = MongoClients.create(server.connectionString());
        MongoCollection<Document> docs = client.getDatabase("crash").getCollection("docs");
        MongoCollection<Document> models = client.getDatabase("crash").getCollection("models");
        for (int w = 0; w < 8; w++) {
            int writer = w;
            Thread t = new Thread(() -> {
                StringBuilder grown = new StringBuilder();
                for (int i = 0; ; i++) {
                    String id = writer + "-" + i;
                    docs.insertOne(new Document("_id", id).append("body", "c".repeat(300)));
                    synchronized (System.out) {
                        System.out.println("ACK " + id);
                        System.out.flush();
                    }
                    grown.append(id).append(' ');
                    models.replaceOne(new Document("_id", "m" + writer),
                            new Document("_id", "m" + writer).append("ids", grown.toString()),
                            new com.mongodb.client.model.ReplaceOptions().upsert(true));
                }
            });
            t.setDaemon(false);
            t.start();
        }
        Thread.currentThread().join();
    }
}
