namespace ApimAiGateway.Harness.Templates;

/// <summary>Stops a render that breaks one of the <see cref="LiquidRenderLimits"/>; the renderer turns it into a failure.</summary>
internal sealed class LiquidLimitExceededException(string message) : Exception(message);
