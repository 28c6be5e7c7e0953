"""Writes an ONNX graph with U2NETP's architecture and random weights, for timing the matting pipeline.

    /usr/bin/python3 tests/bench/make_u2netp.py OUTPUT.onnx

The layers follow xuebinqin/U-2-Net model/u2net.py class U2NETP layer for layer: RSU7, RSU6, RSU5, RSU4, RSU4F
encoders (3 -> 16 -> 64 channels), the mirrored decoder, six 3x3 side outputs upsampled bilinearly to the input
size, a 1x1 fusion conv and seven sigmoid outputs (d0 first, as rembg reads it). Batch norms are folded into the
convolutions, as ONNX Runtime does when it optimises a trained export, so the work per inference is the real
model's (about 1.13 M parameters, 4.5 MB). The weights are random: the masks are meaningless, only the timing
counts. Needs Debian's python3-onnx (ONNX 1.12) and numpy; opset 11.
"""

import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

SIZE = 320


class Graph:
    def __init__(self):
        self.nodes, self.inits, self.count = [], [], 0
        self.rng = np.random.default_rng(20240601)
        self.empty = self.const("empty_float", np.zeros((0,), np.float32))

    def name(self, prefix):
        self.count += 1
        return f"{prefix}_{self.count}"

    def const(self, name, array):
        self.inits.append(numpy_helper.from_array(array, name))
        return name

    def conv(self, x, cin, cout, kernel=3, dilation=1, gain=1.0):
        w = (gain * self.rng.normal(0, np.sqrt(2.0 / (cin * kernel * kernel)), (cout, cin, kernel, kernel))).astype(np.float32)
        b = self.rng.normal(0, 0.01, (cout,)).astype(np.float32)
        out = self.name("conv")
        pad = dilation * (kernel // 2)
        self.nodes.append(helper.make_node(
            "Conv", [x, self.const(out + "_w", w), self.const(out + "_b", b)], [out],
            kernel_shape=[kernel, kernel], dilations=[dilation, dilation], pads=[pad] * 4, strides=[1, 1]))
        return out

    def rebnconv(self, x, cin, cout, dilation=1):
        # REBNCONV: conv 3x3 (BN folded) + ReLU
        out = self.name("relu")
        self.nodes.append(helper.make_node("Relu", [self.conv(x, cin, cout, 3, dilation)], [out]))
        return out

    def pool(self, x):
        # nn.MaxPool2d(2, stride=2, ceil_mode=True)
        out = self.name("pool")
        self.nodes.append(helper.make_node("MaxPool", [x], [out], kernel_shape=[2, 2], strides=[2, 2], ceil_mode=1))
        return out

    def upsample(self, x, channels, size):
        # F.upsample(mode="bilinear") to the size of the skip connection
        out = self.name("up")
        sizes = self.const(out + "_sizes", np.array([1, channels, size, size], np.int64))
        self.nodes.append(helper.make_node("Resize", [x, self.empty, self.empty, sizes], [out],
                                           mode="linear", coordinate_transformation_mode="pytorch_half_pixel"))
        return out

    def cat(self, *xs):
        out = self.name("cat")
        self.nodes.append(helper.make_node("Concat", list(xs), [out], axis=1))
        return out

    def add(self, a, b):
        out = self.name("add")
        self.nodes.append(helper.make_node("Add", [a, b], [out]))
        return out

    def sigmoid(self, x, name):
        self.nodes.append(helper.make_node("Sigmoid", [x], [name]))
        return name


def rsu(g, x, size, height, cin, mid, cout):
    """RSU-L (L = height, 4..7): U-block with pooling between levels and a dilated bottom."""
    hxin = g.rebnconv(x, cin, cout)
    encoded, sizes = [], []
    hx, s, c = hxin, size, cout
    for level in range(1, height):
        hx = g.rebnconv(hx, c, mid)
        c = mid
        encoded.append(hx)
        sizes.append(s)
        if level < height - 1:
            hx = g.pool(hx)
            s = (s + 1) // 2
    bottom = g.rebnconv(hx, mid, mid, dilation=2)
    d = g.rebnconv(g.cat(bottom, encoded[-1]), 2 * mid, mid)
    for level in range(height - 2, 0, -1):
        up = g.upsample(d, mid, sizes[level - 1])
        d = g.rebnconv(g.cat(up, encoded[level - 1]), 2 * mid, cout if level == 1 else mid)
    return g.add(d, hxin)


def rsu4f(g, x, cin, mid, cout):
    """RSU-4F: dilations 1, 2, 4, 8 instead of pooling."""
    hxin = g.rebnconv(x, cin, cout)
    hx1 = g.rebnconv(hxin, cout, mid, 1)
    hx2 = g.rebnconv(hx1, mid, mid, 2)
    hx3 = g.rebnconv(hx2, mid, mid, 4)
    hx4 = g.rebnconv(hx3, mid, mid, 8)
    hx3d = g.rebnconv(g.cat(hx4, hx3), 2 * mid, mid, 4)
    hx2d = g.rebnconv(g.cat(hx3d, hx2), 2 * mid, mid, 2)
    hx1d = g.rebnconv(g.cat(hx2d, hx1), 2 * mid, cout, 1)
    return g.add(hx1d, hxin)


def u2netp(g, x):
    s1, s2, s3, s4, s5, s6 = SIZE, SIZE // 2, SIZE // 4, SIZE // 8, SIZE // 16, SIZE // 32
    hx1 = rsu(g, x, s1, 7, 3, 16, 64)
    hx2 = rsu(g, g.pool(hx1), s2, 6, 64, 16, 64)
    hx3 = rsu(g, g.pool(hx2), s3, 5, 64, 16, 64)
    hx4 = rsu(g, g.pool(hx3), s4, 4, 64, 16, 64)
    hx5 = rsu4f(g, g.pool(hx4), 64, 16, 64)
    hx6 = rsu4f(g, g.pool(hx5), 64, 16, 64)
    hx5d = rsu4f(g, g.cat(g.upsample(hx6, 64, s5), hx5), 128, 16, 64)
    hx4d = rsu(g, g.cat(g.upsample(hx5d, 64, s4), hx4), s4, 4, 128, 16, 64)
    hx3d = rsu(g, g.cat(g.upsample(hx4d, 64, s3), hx3), s3, 5, 128, 16, 64)
    hx2d = rsu(g, g.cat(g.upsample(hx3d, 64, s2), hx2), s2, 6, 128, 16, 64)
    hx1d = rsu(g, g.cat(g.upsample(hx2d, 64, s1), hx1), s1, 7, 128, 16, 64)
    # Small side weights keep the sigmoids out of saturation, so the random mask is a smooth field with
    # soft alpha over most of the picture rather than all 0 or all 255: a worst case for PNG encoding.
    sides = [g.conv(hx1d, 64, 1, gain=0.02)]
    for hx, s in ((hx2d, s2), (hx3d, s3), (hx4d, s4), (hx5d, s5), (hx6, s6)):
        sides.append(g.upsample(g.conv(hx, 64, 1, gain=0.02), 1, s1))
    d0 = g.conv(g.cat(*sides), 6, 1, kernel=1)
    return [g.sigmoid(d0, "d0")] + [g.sigmoid(side, f"d{i}") for i, side in enumerate(sides, start=1)]


def main():
    output = sys.argv[1]
    g = Graph()
    outputs = u2netp(g, "input.1")
    graph = helper.make_graph(
        g.nodes, "u2netp_random",
        [helper.make_tensor_value_info("input.1", TensorProto.FLOAT, [1, 3, SIZE, SIZE])],
        [helper.make_tensor_value_info(o, TensorProto.FLOAT, [1, 1, SIZE, SIZE]) for o in outputs],
        g.inits)
    model = helper.make_model(graph, producer_name="sartiq-hub tests/bench/make_u2netp.py",
                              opset_imports=[helper.make_opsetid("", 11)])
    onnx.checker.check_model(model)
    onnx.save(model, output)
    params = sum(int(np.prod(t.dims)) for t in g.inits)
    print(f"wrote {output}: {len(g.nodes)} nodes, {params} parameters")


if __name__ == "__main__":
    main()
