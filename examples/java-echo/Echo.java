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
 * A line echo server in one Java file, run without compiling first: {@code java Echo.java}.
 * It listens on loopback, on a port the system picks, and serves one client at a time: each
 * line a client sends comes back with "echo: " in front. Typing {@code stop} at its keyboard
 * ends it. It prints what it does, for whoever watches it.
 */
public class Echo {
    public static void main(String[] args) throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        System.out.println("echo server listening");
        Thread keyboard = new Thread(() -> readKeyboard(server), "keyboard");
        keyboard.setDaemon(true);
        keyboard.start();
        while (!server.isClosed()) {
            try (Socket client = server.accept()) {
                serve(client);
            } catch (IOException stopped) {
                // The keyboard closed the server: the loop ends.
            }
        }
        System.out.println("echo server stopped");
    }

    private static void serve(Socket client) throws IOException {
        System.out.println("client connected");
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8);
        String line;
        while ((line = in.readLine()) != null) {
            System.out.println("echoing " + line);
            out.println("echo: " + line);
        }
        System.out.println("client left");
    }

    private static void readKeyboard(ServerSocket server) {
        BufferedReader keyboard = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = keyboard.readLine()) != null) {
                if (line.equals("stop")) {
                    server.close();
                    return;
                }
                System.out.println("type stop to stop, not " + line);
            }
        } catch (IOException ignored) {
            // No keyboard: the server runs until it is closed from outside.
        }
    }
}
