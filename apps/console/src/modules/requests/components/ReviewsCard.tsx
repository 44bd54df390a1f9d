import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Input, Modal, Select, Table, Tag, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewDto } from '@govdesk/contracts';
import { hasAnyRole, REVIEW_KINDS, REVIEW_OUTCOMES, type ReviewKind, type ReviewOutcome } from '@govdesk/domain';
import { useAuth } from '../../../auth/auth-context';
import { useReviews, useSaveReview } from '../hooks/request-extras-api';

interface ReviewForm {
  kind: ReviewKind;
  filedOn: Dayjs;
  decidedOn?: Dayjs | null;
  outcome?: ReviewOutcome | null;
  note?: string;
}

/** Administrative reconsideration and litigation about the request (part four of the annual report). */
export function ReviewsCard({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const reviews = useReviews(requestId);
  const [editing, setEditing] = useState<ReviewDto | 'new' | null>(null);
  const canEdit = !!user && hasAnyRole(user, ['handler', 'supervisor']);

  return (
    <Card
      size="small"
      title={t('requests.reviews.title')}
      data-testid="reviews-card"
      extra={
        canEdit && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="review-add">
            {t('requests.reviews.add')}
          </Button>
        )
      }
    >
      <Table<ReviewDto>
        size="small"
        rowKey="id"
        pagination={false}
        loading={reviews.isLoading}
        dataSource={reviews.data ?? []}
        locale={{ emptyText: t('requests.reviews.empty') }}
        columns={[
          {
            key: 'kind',
            title: t('requests.reviews.kind'),
            render: (_, r) => (r.note ? <Tooltip title={r.note}>{t(`requests.reviews.kinds.${r.kind}`)}</Tooltip> : t(`requests.reviews.kinds.${r.kind}`)),
          },
          { key: 'filed', title: t('requests.reviews.filedOn'), dataIndex: 'filedOn', width: 110 },
          { key: 'decided', title: t('requests.reviews.decidedOn'), width: 110, render: (_, r) => r.decidedOn ?? '—' },
          {
            key: 'outcome',
            title: t('requests.reviews.outcome'),
            render: (_, r) =>
              r.outcome ? <Tag color={r.outcome === 'corrected' ? 'red' : 'green'}>{t(`requests.reviews.outcomes.${r.outcome}`)}</Tag> : <Tag>{t('requests.reviews.pending')}</Tag>,
          },
          ...(canEdit
            ? [
                {
                  key: 'edit',
                  title: '',
                  width: 70,
                  render: (_: unknown, r: ReviewDto) => (
                    <Button size="small" type="link" onClick={() => setEditing(r)}>
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <ReviewModal requestId={requestId} review={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}

function ReviewModal({ requestId, review, onClose }: { requestId: string; review: ReviewDto | null; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReviewForm>();
  const save = useSaveReview(requestId);
  const decided = Form.useWatch('decidedOn', form);

  const submit = async (v: ReviewForm) => {
    try {
      await save.mutateAsync({
        reviewId: review?.id ?? null,
        body: {
          kind: v.kind,
          filedOn: v.filedOn.format('YYYY-MM-DD'),
          decidedOn: v.decidedOn ? v.decidedOn.format('YYYY-MM-DD') : null,
          outcome: v.decidedOn ? (v.outcome ?? null) : null,
          note: v.note?.trim() || undefined,
        },
      });
      void message.success(t('common.saved'));
      onClose();
    } catch (e) {
      void message.error((e as Error).message);
    }
  };

  return (
    <Modal
      open
      title={review ? t('requests.reviews.editTitle') : t('requests.reviews.add')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: save.isPending }}
      destroyOnHidden
    >
      <Form<ReviewForm>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={
          review
            ? { kind: review.kind, filedOn: dayjs(review.filedOn), decidedOn: review.decidedOn ? dayjs(review.decidedOn) : null, outcome: review.outcome, note: review.note ?? '' }
            : { kind: 'reconsideration' }
        }
      >
        <Form.Item name="kind" label={t('requests.reviews.kind')} rules={[{ required: true }]}>
          <Select options={REVIEW_KINDS.map((k) => ({ value: k, label: t(`requests.reviews.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="filedOn" label={t('requests.reviews.filedOn')} rules={[{ required: true, message: t('requests.reviews.filedRequired') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="decidedOn" label={t('requests.reviews.decidedOn')} extra={t('requests.reviews.decidedHint')}>
          <DatePicker style={{ width: '100%' }} allowClear />
        </Form.Item>
        {decided && (
          <Form.Item name="outcome" label={t('requests.reviews.outcome')} rules={[{ required: true, message: t('requests.reviews.outcomeRequired') }]}>
            <Select options={REVIEW_OUTCOMES.map((o) => ({ value: o, label: t(`requests.reviews.outcomes.${o}`) }))} />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('requests.reviews.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
