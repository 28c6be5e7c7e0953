package com.sartiq.hub.processors.matting;

/**
 * A cut-out: {@code png} is the source image as RGBA PNG with alpha = {@code mask}; {@code mask} holds one
 * 8-bit alpha value per pixel, row by row, {@code width × height} like the source.
 */
public record MattingResult(byte[] png, int width, int height, byte[] mask) {
}
