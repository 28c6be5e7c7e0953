"""Writes the bundled demo matting model: processors/src/main/resources/models/u2net-demo.onnx.

Regenerate (from the repository root, with Debian's interpreter, which has python3-onnx 1.12 and numpy):

    /usr/bin/python3 processors/src/main/python/make_demo_u2net.py

The model has U2NET's input/output contract, so the Java pipeline runs unchanged with it or with the real
u2net.onnx, but it is a few hand-written operators instead of a trained network:

  input  "input.1" float32 [1, 3, 320, 320]: RGB divided by the image maximum, then (x - mean) / std
  output "d0"      float32 [1, 1, 320, 320]: saliency in (0, 1), high on the subject

It estimates the background colour as the mean of a thin frame along the image border, measures every
pixel's RGB distance to it, smooths that a little, and maps it through a steep sigmoid. That separates a
plain-coloured subject from a plain or mildly varying background; it knows nothing about real photos.
Only the first output is written: rembg and our pipeline read nothing else.
"""

from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

SIZE = 320
# Frame used to estimate the background colour, in pixels at model resolution (about 1 % of a side).
BORDER = 4
# rembg's u2net normalisation; multiplying a difference by std turns it back into [0, 1] colour units.
STD = (0.229, 0.224, 0.225)
# Euclidean RGB distance (in [0, sqrt 3]) where the sigmoid crosses 0.5. 0.2 lies above the spread of a
# mildly varying background (a ±20-level gradient is about 0.14) and below any clearly different colour.
THRESHOLD = 0.2
# Sigmoid slope: at distance 0 the output is sigmoid(-6) ≈ 0.0025, at 0.4 it is ≈ 0.9975.
STEEPNESS = 30.0

OUTPUT = Path(__file__).resolve().parents[1] / "resources" / "models" / "u2net-demo.onnx"


def constant(name, values, dtype=np.float32):
    return numpy_helper.from_array(np.array(values, dtype=dtype), name)


def border_slices():
    """Four Slice nodes (top, bottom, left, right strips) of the input, each BORDER pixels thick."""
    strips = {
        "top": (0, BORDER, 2),
        "bottom": (SIZE - BORDER, SIZE, 2),
        "left": (0, BORDER, 3),
        "right": (SIZE - BORDER, SIZE, 3),
    }
    nodes, initializers, outputs = [], [], []
    for name, (start, end, axis) in strips.items():
        initializers += [
            constant(f"{name}_starts", [start], np.int64),
            constant(f"{name}_ends", [end], np.int64),
            constant(f"{name}_axes", [axis], np.int64),
        ]
        nodes.append(helper.make_node(
            "Slice", ["input.1", f"{name}_starts", f"{name}_ends", f"{name}_axes"], [f"{name}_strip"]))
        # opset 11: ReduceMean takes its axes as an attribute
        nodes.append(helper.make_node(
            "ReduceMean", [f"{name}_strip"], [f"{name}_mean"], axes=[2, 3], keepdims=1))
        outputs.append(f"{name}_mean")
    return nodes, initializers, outputs


def build_model():
    nodes, initializers, strip_means = border_slices()
    initializers += [
        constant("quarter", 0.25),
        constant("std", np.reshape(STD, (1, 3, 1, 1))),
        constant("threshold", THRESHOLD),
        constant("steepness", STEEPNESS),
    ]
    nodes += [
        # background colour [1,3,1,1]: the four strips weigh the same (corners count twice, which is harmless)
        helper.make_node("Sum", strip_means, ["strip_mean_sum"]),
        helper.make_node("Mul", ["strip_mean_sum", "quarter"], ["background"]),
        # per-pixel distance to it, in colour units
        helper.make_node("Sub", ["input.1", "background"], ["difference"]),
        helper.make_node("Mul", ["difference", "std"], ["colour_difference"]),
        helper.make_node("ReduceSumSquare", ["colour_difference"], ["squared_distance"], axes=[1], keepdims=1),
        helper.make_node("Sqrt", ["squared_distance"], ["distance"]),
        # 3×3 smoothing damps JPEG noise and single stray pixels
        helper.make_node("AveragePool", ["distance"], ["smooth_distance"],
                         kernel_shape=[3, 3], pads=[1, 1, 1, 1], strides=[1, 1], count_include_pad=0),
        helper.make_node("Sub", ["smooth_distance", "threshold"], ["margin"]),
        helper.make_node("Mul", ["margin", "steepness"], ["logit"]),
        helper.make_node("Sigmoid", ["logit"], ["d0"]),
    ]
    graph = helper.make_graph(
        nodes,
        "u2net_demo",
        [helper.make_tensor_value_info("input.1", TensorProto.FLOAT, [1, 3, SIZE, SIZE])],
        [helper.make_tensor_value_info("d0", TensorProto.FLOAT, [1, 1, SIZE, SIZE])],
        initializers,
    )
    model = helper.make_model(
        graph,
        producer_name="sartiq-hub make_demo_u2net.py",
        doc_string="Demo with U2NET's contract: border-colour distance saliency, not a trained network.",
        opset_imports=[helper.make_opsetid("", 11)],
    )
    onnx.checker.check_model(model, full_check=True)
    return model


def main():
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    onnx.save(build_model(), str(OUTPUT))
    print(f"wrote {OUTPUT} ({OUTPUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
