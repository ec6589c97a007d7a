// The modules that later work fills in. Until then each page says what it will do and what to prepare.
import type { Component } from 'vue'
import { ChatLineSquare, DataAnalysis, Message, Reading, Tickets } from '@element-plus/icons-vue'

export interface ModuleInfo {
  key: string
  path: string
  title: string
  icon: Component
  /** one line under the page heading */
  tagline: string
  /** what the module will do, shown in its empty state */
  summary: string
  prepare: string[]
}

export const modules: ModuleInfo[] = [
  {
    key: 'consultations',
    path: '/consultations',
    title: '征求意见',
    tagline: '决策预公开：征求意见稿公开、意见登记与采纳反馈',
    icon: ChatLineSquare,
    summary: '登记征求意见稿、记录每条意见及采纳情况、生成意见采纳情况说明。',
    prepare: [
      '征求意见稿及起草说明',
      '征求意见的起止日期（一般不少于30日）、渠道和联系方式',
      '涉及企业的文件，请列出需听取意见的企业和行业协会商会',
    ],
  },
  {
    key: 'interpretations',
    path: '/interpretations',
    title: '政策解读',
    tagline: '谁起草、谁解读：解读材料与三同步管理',
    icon: Reading,
    summary: '按“谁起草、谁解读”登记政策解读，跟踪同步起草、同步审签、同步发布，文件发布后3个工作日内提醒公开解读。',
    prepare: [
      '政策文件及其解读稿（文字、图解、问答、音视频或负责人解读）',
      '起草科室及其负责人（在“设置 → 科室”中核对）',
      '文件的发布日期和网站地址',
    ],
  },
  {
    key: 'mailbox',
    path: '/mailbox',
    title: '局长信箱',
    tagline: '群众留言的分办、答复、审核与公开',
    icon: Message,
    summary: '登记群众留言，分派承办科室，自收到之日起3个工作日内答复，审核后公开，并逐月统计办理情况。',
    prepare: [
      '在“设置 → 人员”中指定信箱管理员和各科室承办人员',
      '在“设置 → 工作日历”中核对当年和下一年的节假日安排',
      '以往留言的导出表格（用于导入历史记录）',
    ],
  },
  {
    key: 'disclosure',
    path: '/disclosure',
    title: '依申请公开',
    tagline: '政府信息公开申请的登记、补正、延期与答复',
    icon: Tickets,
    summary: '登记政府信息公开申请，按法定时限（20个工作日，可延长20个工作日）答复，并由登记簿生成年度报告表三。',
    prepare: ['申请登记表或以往的依申请公开台账', '政府信息公开工作机构负责人（延期须经其同意）'],
  },
  {
    key: 'reports',
    path: '/reports',
    title: '统计报表',
    tagline: '各模块办理情况的统计与导出',
    icon: DataAnalysis,
    summary: '汇总征求意见、政策解读和局长信箱的办理数据，按月、按年生成统计表，供政务公开工作年度报告使用。',
    prepare: ['统计数据来自各模块的登记记录，请先在各模块中录入', '年度报告的统计口径和报送时间'],
  },
]
