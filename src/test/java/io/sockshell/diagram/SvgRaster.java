package io.sockshell.diagram;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.ImageTranscoder;

/** SVG drawn by a real renderer, Apache Batik, into an image the tests can look at pixel by pixel. */
final class SvgRaster {
    private SvgRaster() {
    }

    /** The SVG rendered at its own size; Batik's errors (bad markup, unknown CSS) are thrown. */
    static BufferedImage render(String svg) throws TranscoderException {
        Capture capture = new Capture();
        capture.transcode(new TranscoderInput(new StringReader(svg)), null);
        return capture.image;
    }

    static void writePng(String svg, Path file) throws TranscoderException, IOException {
        ImageIO.write(render(svg), "png", file.toFile());
    }

    /** Keeps the image Batik drew instead of encoding it. */
    private static final class Capture extends ImageTranscoder {
        BufferedImage image;

        @Override
        public BufferedImage createImage(int width, int height) {
            return new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        }

        @Override
        public void writeImage(BufferedImage drawn, TranscoderOutput output) {
            image = drawn;
        }
    }

    /** Renders the SVG files given to PNG files beside them, for a person to look at. */
    public static void main(String[] files) throws Exception {
        for (String name : files) {
            Path svg = Path.of(name);
            writePng(java.nio.file.Files.readString(svg), Path.of(name.replaceAll("\\.svg$", "") + ".png"));
        }
    }
}
