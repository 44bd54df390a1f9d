import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { analyzeText, type TextAnalysis } from '@govdesk/text-analysis';
import { AnyRole } from '../auth/roles.decorator';
import { ZodPipe } from '../common/http/zod-body.pipe';

/** Texts longer than this are refused; the analyser itself reads at most its first 10,000 characters. */
const MAX_TEXT = 200_000;
const analyzeSchema = z.object({ text: z.string().min(1, 'text is required').max(MAX_TEXT, `text: at most ${MAX_TEXT} characters`) });

/** Chinese text analysis of the public-opinion pipeline (libs/text-analysis), for any logged-in user. */
@ApiTags('opinion')
@ApiBearerAuth()
@Controller('opinion')
export class OpinionController {
  @Post('analyze')
  @HttpCode(200)
  @AnyRole()
  analyze(@Body(new ZodPipe(analyzeSchema)) body: z.infer<typeof analyzeSchema>): TextAnalysis {
    return analyzeText(body.text);
  }
}
