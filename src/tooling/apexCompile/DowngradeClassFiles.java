import java.io.FileOutputStream;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Copies a jar, lowering the class-file version of every class compiled for a newer Java than
 * the one given (e.g. 61 for Java 17). apex-ls 5.3.0 ships a few classes built for Java 21 that
 * use nothing of it, so relabelling them is enough for the tool to run on Java 17.
 */
public final class DowngradeClassFiles {
  public static void main(String[] args) throws Exception {
    String from = args[0];
    String to = args[1];
    int version = Integer.parseInt(args[2]);
    try (ZipFile jar = new ZipFile(from);
        ZipOutputStream out = new ZipOutputStream(new FileOutputStream(to))) {
      for (Enumeration<? extends ZipEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
        ZipEntry entry = entries.nextElement();
        byte[] bytes;
        try (InputStream in = jar.getInputStream(entry)) {
          bytes = in.readAllBytes();
        }
        if (entry.getName().endsWith(".class") && majorVersion(bytes) > version) {
          bytes[6] = (byte) (version >> 8);
          bytes[7] = (byte) version;
        }
        out.putNextEntry(new ZipEntry(entry.getName()));
        out.write(bytes);
        out.closeEntry();
      }
    }
  }

  private static int majorVersion(byte[] classFile) {
    return ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
  }
}
