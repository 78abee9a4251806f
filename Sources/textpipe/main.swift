import TextPipeline
import TextPipelineCLI
import TextPipelineStages

TextPipeCLI.main(registry: .builtin)
