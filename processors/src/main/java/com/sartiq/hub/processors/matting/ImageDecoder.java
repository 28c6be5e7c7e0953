package com.sartiq.hub.processors.matting;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

/**
 * Encoded bytes → 8-bit RGB, as rembg's {@code exif_transpose} then Pillow's {@code convert("RGB")} would give:
 * EXIF orientation applied ({@link ExifOrientation}), alpha dropped, grey replicated to three channels,
 * palettes expanded, CMYK/YCCK JPEGs converted through their ICC profile. 16-bit samples keep their high byte
 * (Pillow's PNG reader does the same for RGB; for 16-bit grey it clips instead, which we do not copy).
 * Formats: those of ImageIO plus WebP and CMYK JPEG (TwelveMonkeys).
 */
final class ImageDecoder {

    /** Pillow's {@code MAX_IMAGE_PIXELS} (≈ 89.5 Mpx); each pixel costs about 15 bytes across the pipeline. */
    static final long MAX_PIXELS = 1024L * 1024 * 1024 / 4 / 3;

    static {
        // Registered by hand: ImageIO's classpath scan runs once, with whichever context class loader the first
        // caller has, and may miss plugins nested in a Spring Boot jar.
        IIORegistry.getDefaultInstance().registerServiceProvider(new WebPImageReaderSpi());
        // TwelveMonkeys' JPEG reader orders itself before the JDK's on registration; it reads CMYK and YCCK
        // JPEGs (the JDK's refuses them) and hands plain ones to the JDK's decoder.
        IIORegistry.getDefaultInstance().registerServiceProvider(new JPEGImageReaderSpi());
    }

    private ImageDecoder() {
    }

    /** @throws InvalidImageException when the bytes are no image we can read, or one above {@link #MAX_PIXELS} */
    static RgbImage decode(byte[] encoded) {
        return decode(encoded, MAX_PIXELS);
    }

    /**
     * @param maxPixels checked against the size in the header, before any pixel is decoded (decompression bombs)
     * @throws InvalidImageException when the bytes are no image we can read, or one above {@code maxPixels}
     */
    static RgbImage decode(byte[] encoded, long maxPixels) {
        // A memory cache: ImageIO's default stream would spool the bytes through a temporary file.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(encoded))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new InvalidImageException("not a decodable image: unknown format");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > maxPixels) {
                    throw new InvalidImageException("image too large: " + reader.getWidth(0) + "x" + reader.getHeight(0)
                            + " is more than " + maxPixels + " pixels");
                }
                return ExifOrientation.apply(toRgb(reader.read(0)), ExifOrientation.of(encoded));
            } finally {
                reader.dispose();
            }
        } catch (InvalidImageException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Readers report corrupt data with IIOException, but also with assorted runtime exceptions.
            throw new InvalidImageException("not a decodable image: " + e, e);
        }
    }

    private static RgbImage toRgb(BufferedImage image) {
        ColorModel model = image.getColorModel();
        int space = model.getColorSpace().getType();
        boolean storedAsRgbOrGrey = !(model instanceof IndexColorModel)
                && (space == ColorSpace.TYPE_RGB || space == ColorSpace.TYPE_GRAY)
                && (model.getComponentSize(0) == 8 || model.getComponentSize(0) == 16);
        return storedAsRgbOrGrey ? fromSamples(image, model) : fromArgb(image);
    }

    /**
     * The stored sample values, as Pillow takes them. Not {@code getRGB}: that converts ImageIO's linear grey
     * colour space to sRGB and brightens every grey image.
     */
    private static RgbImage fromSamples(BufferedImage image, ColorModel model) {
        int width = image.getWidth();
        int height = image.getHeight();
        Raster raster = image.getRaster();
        int bands = raster.getNumBands();
        boolean grey = model.getNumColorComponents() == 1;
        int shift = model.getComponentSize(0) - 8;
        int[] row = new int[width * bands];
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            raster.getPixels(0, y, width, 1, row);
            for (int x = 0; x < width; x++) {
                int source = x * bands;
                int target = (y * width + x) * 3;
                for (int c = 0; c < 3; c++) {
                    rgb[target + c] = (byte) (row[grey ? source : source + c] >> shift);
                }
            }
        }
        return new RgbImage(width, height, rgb);
    }

    /** Palettes, CMYK, packed 5-6-5 and the like: let Java2D convert to sRGB. */
    private static RgbImage fromArgb(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] row = new int[width];
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int target = (y * width + x) * 3;
                rgb[target] = (byte) (row[x] >> 16);
                rgb[target + 1] = (byte) (row[x] >> 8);
                rgb[target + 2] = (byte) row[x];
            }
        }
        return new RgbImage(width, height, rgb);
    }
}
