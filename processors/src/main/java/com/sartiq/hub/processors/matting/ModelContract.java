package com.sartiq.hub.processors.matting;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a saliency model expects as input, rembg's session classes in numbers: square side, per-channel mean
 * and standard deviation (applied after dividing by the image maximum). Every model rembg runs this way shares
 * the output side of the contract: channel 0 of the first output is a saliency map, min–max normalised.
 *
 * <p>rembg clips the normalised map to [0, 1] for u2net only. After a min–max normalisation in float32 every
 * value already lies in [0, 1] (subtraction and division round monotonically, and {@code r / r == 1}), so the
 * clip changes nothing and one post-processing path serves all three models.
 *
 * @param name  rembg's model name, for logs
 * @param size  input side in pixels; the image is resized to {@code size × size}, aspect ratio ignored
 * @param mean  R, G, B
 * @param std   R, G, B
 */
public record ModelContract(String name, int size, double[] mean, double[] std) {

    /** rembg's {@code u2net} (176 MB) and the bundled demo model. */
    public static final ModelContract U2NET = new ModelContract("u2net", 320,
            new double[] {0.485, 0.456, 0.406}, new double[] {0.229, 0.224, 0.225});
    /** rembg's {@code u2netp} (4.7 MB): the same contract as u2net. */
    public static final ModelContract U2NETP = new ModelContract("u2netp", 320, U2NET.mean, U2NET.std);
    /** rembg's {@code isnet-general-use}: 1024², mean 0.5, std 1.0. */
    public static final ModelContract ISNET_GENERAL_USE = new ModelContract("isnet-general-use", 1024,
            new double[] {0.5, 0.5, 0.5}, new double[] {1.0, 1.0, 1.0});

    private static final List<ModelContract> KNOWN = List.of(U2NET, U2NETP, ISNET_GENERAL_USE);

    public ModelContract {
        if (size <= 0 || size > 4096 || mean == null || std == null || mean.length != 3 || std.length != 3
                || Arrays.stream(std).anyMatch(s -> !(s > 0))) {
            throw new IllegalArgumentException("a model contract needs a size in 1..4096, three means and three positive stds");
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** @throws IllegalArgumentException listing the known names when {@code name} is none of them */
    public static ModelContract named(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return KNOWN.stream().filter(c -> c.name.equals(wanted)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "unknown matting model '" + name + "': expected one of " + KNOWN.stream().map(ModelContract::name).toList()));
    }

    /** This contract with another size, mean or std (each {@code null} keeps the current value). */
    public ModelContract with(Integer size, double[] mean, double[] std) {
        return new ModelContract(name, size == null ? this.size : size, mean == null ? this.mean : mean, std == null ? this.std : std);
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ModelContract c && name.equals(c.name) && size == c.size
                && Arrays.equals(mean, c.mean) && Arrays.equals(std, c.std);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + size) + Arrays.hashCode(mean) * 17 + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return name + " (" + size + "×" + size + ", mean " + Arrays.toString(mean) + ", std " + Arrays.toString(std) + ")";
    }
}
