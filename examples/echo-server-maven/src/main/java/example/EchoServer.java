package example;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A line echo server: each line a client sends comes back as it was, until the client says
 * {@code bye} (the server closes that connection) or closes its side. Clients are served at
 * the same time, each on a thread of its own, and numbered in the order they came.
 *
 * <pre>java -cp target/classes example.EchoServer PORT</pre>
 *
 * PORT 0 lets the system choose one; the server prints which. It listens on loopback only.
 */
public final class EchoServer {
    private EchoServer() {
    }

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            System.out.println("echo server listening on " + server.getLocalPort());
            for (int number = 1; ; number++) {
                Socket client = server.accept();
                int clientNumber = number;
                System.out.println("client " + clientNumber + " connected");
                Thread serving = new Thread(() -> serve(client, clientNumber), "client " + clientNumber);
                serving.start();
            }
        }
    }

    private static void serve(Socket client, int number) {
        try (client) {
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8);
            String line;
            while ((line = in.readLine()) != null) {
                if (line.equals("bye")) {
                    System.out.println("client " + number + " said bye");
                    return;
                }
                out.println(line);
            }
            System.out.println("client " + number + " left");
        } catch (IOException e) {
            System.out.println("client " + number + " failed: " + e.getMessage());
        }
    }
}
